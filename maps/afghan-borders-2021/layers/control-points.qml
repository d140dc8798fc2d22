<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" labelsEnabled="0" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" readOnly="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal enabled="1" mode="2" startField="start" endField="until" limitMode="0" accumulate="0" durationField="" durationUnit="min" fixedDuration="0" startExpression="" endExpression="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 type="RuleRenderer" forceraster="0" symbollevels="0" enableorderby="1" referencescale="-1">
    <rules key="{bordermap-rules}">
      <rule key="{confirmed}" filter="&quot;claim_status&quot; = &apos;confirmed&apos;" label="Confirmed">
        <rule key="{confirmed-capture}" symbol="0" filter="&quot;start_type&quot; = &apos;capture&apos;" label="Held after a capture"/>
        <rule key="{confirmed-recapture}" symbol="1" filter="&quot;start_type&quot; = &apos;recapture&apos;" label="Held after a recapture"/>
        <rule key="{confirmed-else}" symbol="2" filter="ELSE" label="Other"/>
      </rule>
      <rule key="{claimed}" filter="&quot;claim_status&quot; = &apos;claimed&apos;" label="Claimed">
        <rule key="{claimed-capture}" symbol="3" filter="&quot;start_type&quot; = &apos;capture&apos;" label="Held after a capture"/>
        <rule key="{claimed-recapture}" symbol="4" filter="&quot;start_type&quot; = &apos;recapture&apos;" label="Held after a recapture"/>
        <rule key="{claimed-else}" symbol="5" filter="ELSE" label="Other"/>
      </rule>
      <rule key="{disputed}" filter="&quot;claim_status&quot; = &apos;disputed&apos;" label="Disputed">
        <rule key="{disputed-capture}" symbol="6" filter="&quot;start_type&quot; = &apos;capture&apos;" label="Held after a capture"/>
        <rule key="{disputed-recapture}" symbol="7" filter="&quot;start_type&quot; = &apos;recapture&apos;" label="Held after a recapture"/>
        <rule key="{disputed-else}" symbol="8" filter="ELSE" label="Other"/>
      </rule>
      <rule key="{denied}" filter="&quot;claim_status&quot; = &apos;denied&apos;" label="Denied">
        <rule key="{denied-capture}" symbol="9" filter="&quot;start_type&quot; = &apos;capture&apos;" label="Held after a capture"/>
        <rule key="{denied-recapture}" symbol="10" filter="&quot;start_type&quot; = &apos;recapture&apos;" label="Held after a recapture"/>
        <rule key="{denied-else}" symbol="11" filter="ELSE" label="Other"/>
      </rule>
    </rules>
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="214,39,40,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="35,35,35,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.4" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="4" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="31,119,180,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="35,35,35,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.4" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="4" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="158,158,158,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="35,35,35,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.4" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="4" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="224,93,94,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="214,39,40,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="87,153,199,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="31,119,180,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="158,158,158,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="158,158,158,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="6" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="201,122,123,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="214,39,40,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="7" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="118,158,186,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="31,119,180,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="8" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="158,158,158,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="158,158,158,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="9" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="89,89,89,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="cross2" type="QString" name="name"/>
            <Option value="89,89,89,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.6" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="10" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="89,89,89,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="cross2" type="QString" name="name"/>
            <Option value="89,89,89,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.6" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="11" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="89,89,89,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="cross2" type="QString" name="name"/>
            <Option value="89,89,89,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.6" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
    <orderby>
      <orderByClause asc="1" nullsFirst="0">CASE WHEN &quot;claim_status&quot; = &apos;confirmed&apos; THEN 3 WHEN &quot;claim_status&quot; = &apos;claimed&apos; THEN 2 WHEN &quot;claim_status&quot; = &apos;disputed&apos; THEN 1 ELSE 0 END</orderByClause>
    </orderby>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <legend type="default-vector" showLabelLegend="0"/>
  <previewExpression>&quot;title&quot;</previewExpression>
  <mapTip>&lt;b&gt;[% &quot;title&quot; %]&lt;/b&gt;&lt;br&gt;[% &quot;description&quot; %]</mapTip>
  <layerGeometryType>0</layerGeometryType>
</qgis>

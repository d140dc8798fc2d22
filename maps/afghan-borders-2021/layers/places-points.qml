<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" labelsEnabled="1" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" readOnly="0">
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
  <renderer-v2 type="singleSymbol" forceraster="0" symbollevels="0" enableorderby="0" referencescale="-1">
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="255,255,255,40" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="circle" type="QString" name="name"/>
            <Option value="35,35,35,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="5" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" type="QString" name="name"/>
              <Option type="Map" name="properties">
                <Option type="Map" name="size">
                  <Option value="true" type="bool" name="active"/>
                  <Option value="min(4.5 + 1.5 * sqrt(coalesce(&quot;events&quot;, 1)), 11)" type="QString" name="expression"/>
                  <Option value="3" type="int" name="type"/>
                </Option>
              </Option>
              <Option value="collection" type="QString" name="type"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="if(&quot;events&quot; &gt; 1, to_string(&quot;events&quot;), &apos;&apos;)" isExpression="1" fontFamily="Sans Serif" fontSize="7" fontSizeUnit="Point" fontWeight="75" textColor="35,35,35,255" textOpacity="1" namedStyle="Bold" multilineHeight="1" allowHtml="0">
        <text-buffer bufferDraw="1" bufferSize="0.7" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.8" bufferNoFill="1" bufferJoinStyle="128"/>
      </text-style>
      <text-format multilineAlign="3" wrapChar="" formatNumbers="0"/>
      <placement placement="6" dist="1" distUnits="MM" priority="5"/>
      <rendering obstacle="1" obstacleType="1" displayAll="0" upsidedownLabels="0" drawLabels="1"/>
    </settings>
  </labeling>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <legend type="default-vector" showLabelLegend="0"/>
  <previewExpression>&quot;title&quot;</previewExpression>
  <mapTip>&lt;b&gt;[% &quot;title&quot; %]&lt;/b&gt;&lt;br&gt;[% &quot;description&quot; %]</mapTip>
  <layerGeometryType>0</layerGeometryType>
</qgis>

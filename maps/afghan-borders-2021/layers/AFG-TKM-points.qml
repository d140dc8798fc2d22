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
        <rule key="{confirmed-capture}" symbol="0" filter="&quot;type&quot; = &apos;capture&apos;" label="Capture"/>
        <rule key="{confirmed-recapture}" symbol="1" filter="&quot;type&quot; = &apos;recapture&apos;" label="Recapture"/>
        <rule key="{confirmed-clash}" symbol="2" filter="&quot;type&quot; = &apos;clash&apos;" label="Clash"/>
        <rule key="{confirmed-control_claim}" symbol="3" filter="&quot;type&quot; = &apos;control_claim&apos;" label="Control claim"/>
        <rule key="{confirmed-flag_raising}" symbol="4" filter="&quot;type&quot; = &apos;flag_raising&apos;" label="Flag raised"/>
        <rule key="{confirmed-flight_across_border}" symbol="5" filter="&quot;type&quot; = &apos;flight_across_border&apos;" label="Flight across the border"/>
        <rule key="{confirmed-refused_entry}" symbol="6" filter="&quot;type&quot; = &apos;refused_entry&apos;" label="Refused entry"/>
        <rule key="{confirmed-military_exercise}" symbol="7" filter="&quot;type&quot; = &apos;military_exercise&apos;" label="Military exercise"/>
        <rule key="{confirmed-reinforcement}" symbol="8" filter="&quot;type&quot; = &apos;reinforcement&apos;" label="Reinforcement"/>
        <rule key="{confirmed-military_aid}" symbol="9" filter="&quot;type&quot; = &apos;military_aid&apos;" label="Military aid"/>
        <rule key="{confirmed-consulate_closure}" symbol="10" filter="&quot;type&quot; = &apos;consulate_closure&apos;" label="Consulate closure"/>
        <rule key="{confirmed-refugees}" symbol="11" filter="&quot;type&quot; = &apos;refugees&apos;" label="Refugees"/>
        <rule key="{confirmed-statement}" symbol="12" filter="&quot;type&quot; = &apos;statement&apos;" label="Statement"/>
        <rule key="{confirmed-else}" symbol="13" filter="ELSE" label="Other type"/>
      </rule>
      <rule key="{claimed}" filter="&quot;claim_status&quot; = &apos;claimed&apos;" label="Claimed">
        <rule key="{claimed-capture}" symbol="14" filter="&quot;type&quot; = &apos;capture&apos;" label="Capture"/>
        <rule key="{claimed-recapture}" symbol="15" filter="&quot;type&quot; = &apos;recapture&apos;" label="Recapture"/>
        <rule key="{claimed-clash}" symbol="16" filter="&quot;type&quot; = &apos;clash&apos;" label="Clash"/>
        <rule key="{claimed-control_claim}" symbol="17" filter="&quot;type&quot; = &apos;control_claim&apos;" label="Control claim"/>
        <rule key="{claimed-flag_raising}" symbol="18" filter="&quot;type&quot; = &apos;flag_raising&apos;" label="Flag raised"/>
        <rule key="{claimed-flight_across_border}" symbol="19" filter="&quot;type&quot; = &apos;flight_across_border&apos;" label="Flight across the border"/>
        <rule key="{claimed-refused_entry}" symbol="20" filter="&quot;type&quot; = &apos;refused_entry&apos;" label="Refused entry"/>
        <rule key="{claimed-military_exercise}" symbol="21" filter="&quot;type&quot; = &apos;military_exercise&apos;" label="Military exercise"/>
        <rule key="{claimed-reinforcement}" symbol="22" filter="&quot;type&quot; = &apos;reinforcement&apos;" label="Reinforcement"/>
        <rule key="{claimed-military_aid}" symbol="23" filter="&quot;type&quot; = &apos;military_aid&apos;" label="Military aid"/>
        <rule key="{claimed-consulate_closure}" symbol="24" filter="&quot;type&quot; = &apos;consulate_closure&apos;" label="Consulate closure"/>
        <rule key="{claimed-refugees}" symbol="25" filter="&quot;type&quot; = &apos;refugees&apos;" label="Refugees"/>
        <rule key="{claimed-statement}" symbol="26" filter="&quot;type&quot; = &apos;statement&apos;" label="Statement"/>
        <rule key="{claimed-else}" symbol="27" filter="ELSE" label="Other type"/>
      </rule>
      <rule key="{disputed}" filter="&quot;claim_status&quot; = &apos;disputed&apos;" label="Disputed">
        <rule key="{disputed-capture}" symbol="28" filter="&quot;type&quot; = &apos;capture&apos;" label="Capture"/>
        <rule key="{disputed-recapture}" symbol="29" filter="&quot;type&quot; = &apos;recapture&apos;" label="Recapture"/>
        <rule key="{disputed-clash}" symbol="30" filter="&quot;type&quot; = &apos;clash&apos;" label="Clash"/>
        <rule key="{disputed-control_claim}" symbol="31" filter="&quot;type&quot; = &apos;control_claim&apos;" label="Control claim"/>
        <rule key="{disputed-flag_raising}" symbol="32" filter="&quot;type&quot; = &apos;flag_raising&apos;" label="Flag raised"/>
        <rule key="{disputed-flight_across_border}" symbol="33" filter="&quot;type&quot; = &apos;flight_across_border&apos;" label="Flight across the border"/>
        <rule key="{disputed-refused_entry}" symbol="34" filter="&quot;type&quot; = &apos;refused_entry&apos;" label="Refused entry"/>
        <rule key="{disputed-military_exercise}" symbol="35" filter="&quot;type&quot; = &apos;military_exercise&apos;" label="Military exercise"/>
        <rule key="{disputed-reinforcement}" symbol="36" filter="&quot;type&quot; = &apos;reinforcement&apos;" label="Reinforcement"/>
        <rule key="{disputed-military_aid}" symbol="37" filter="&quot;type&quot; = &apos;military_aid&apos;" label="Military aid"/>
        <rule key="{disputed-consulate_closure}" symbol="38" filter="&quot;type&quot; = &apos;consulate_closure&apos;" label="Consulate closure"/>
        <rule key="{disputed-refugees}" symbol="39" filter="&quot;type&quot; = &apos;refugees&apos;" label="Refugees"/>
        <rule key="{disputed-statement}" symbol="40" filter="&quot;type&quot; = &apos;statement&apos;" label="Statement"/>
        <rule key="{disputed-else}" symbol="41" filter="ELSE" label="Other type"/>
      </rule>
      <rule key="{denied}" filter="&quot;claim_status&quot; = &apos;denied&apos;" label="Denied">
        <rule key="{denied-capture}" symbol="42" filter="&quot;type&quot; = &apos;capture&apos;" label="Capture"/>
        <rule key="{denied-recapture}" symbol="43" filter="&quot;type&quot; = &apos;recapture&apos;" label="Recapture"/>
        <rule key="{denied-clash}" symbol="44" filter="&quot;type&quot; = &apos;clash&apos;" label="Clash"/>
        <rule key="{denied-control_claim}" symbol="45" filter="&quot;type&quot; = &apos;control_claim&apos;" label="Control claim"/>
        <rule key="{denied-flag_raising}" symbol="46" filter="&quot;type&quot; = &apos;flag_raising&apos;" label="Flag raised"/>
        <rule key="{denied-flight_across_border}" symbol="47" filter="&quot;type&quot; = &apos;flight_across_border&apos;" label="Flight across the border"/>
        <rule key="{denied-refused_entry}" symbol="48" filter="&quot;type&quot; = &apos;refused_entry&apos;" label="Refused entry"/>
        <rule key="{denied-military_exercise}" symbol="49" filter="&quot;type&quot; = &apos;military_exercise&apos;" label="Military exercise"/>
        <rule key="{denied-reinforcement}" symbol="50" filter="&quot;type&quot; = &apos;reinforcement&apos;" label="Reinforcement"/>
        <rule key="{denied-military_aid}" symbol="51" filter="&quot;type&quot; = &apos;military_aid&apos;" label="Military aid"/>
        <rule key="{denied-consulate_closure}" symbol="52" filter="&quot;type&quot; = &apos;consulate_closure&apos;" label="Consulate closure"/>
        <rule key="{denied-refugees}" symbol="53" filter="&quot;type&quot; = &apos;refugees&apos;" label="Refugees"/>
        <rule key="{denied-statement}" symbol="54" filter="&quot;type&quot; = &apos;statement&apos;" label="Statement"/>
        <rule key="{denied-else}" symbol="55" filter="ELSE" label="Other type"/>
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
            <Option value="255,127,14,255" type="QString" name="color"/>
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
            <Option value="148,103,189,255" type="QString" name="color"/>
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
      <symbol type="marker" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="140,86,75,255" type="QString" name="color"/>
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
      <symbol type="marker" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="227,119,194,255" type="QString" name="color"/>
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
      <symbol type="marker" name="6" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0,128,128,255" type="QString" name="color"/>
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
      <symbol type="marker" name="7" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="44,160,44,255" type="QString" name="color"/>
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
      <symbol type="marker" name="8" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="23,190,207,255" type="QString" name="color"/>
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
      <symbol type="marker" name="9" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="188,189,34,255" type="QString" name="color"/>
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
      <symbol type="marker" name="10" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="57,59,121,255" type="QString" name="color"/>
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
      <symbol type="marker" name="11" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="255,152,150,255" type="QString" name="color"/>
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
      <symbol type="marker" name="12" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="231,186,82,255" type="QString" name="color"/>
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
      <symbol type="marker" name="13" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="14" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="15" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="16" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="255,159,74,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="255,127,14,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="17" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="175,141,206,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="148,103,189,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="18" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="169,128,120,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="140,86,75,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="19" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="234,153,209,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="227,119,194,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="20" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="64,160,160,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="0,128,128,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="21" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="97,184,97,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="44,160,44,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="22" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="81,206,219,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="23,190,207,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="23" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="205,206,89,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="188,189,34,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="24" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="107,108,155,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="57,59,121,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="25" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="255,178,176,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="255,152,150,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="26" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="237,203,125,255" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="diamond" type="QString" name="name"/>
            <Option value="231,186,82,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.3" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="3.2" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="27" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="28" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="29" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="30" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="219,162,111,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="255,127,14,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="31" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="171,151,190,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="148,103,189,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="32" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="168,143,138,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="140,86,75,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="33" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="207,158,192,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="227,119,194,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="34" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="105,162,162,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="0,128,128,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="35" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="124,177,124,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="44,160,44,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="36" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="115,190,198,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="23,190,207,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="37" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="189,190,120,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="188,189,34,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="38" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="130,131,159,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="57,59,121,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="39" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="219,173,172,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="255,152,150,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="40" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="208,188,141,90" type="QString" name="color"/>
            <Option value="miter" type="QString" name="joinstyle"/>
            <Option value="triangle" type="QString" name="name"/>
            <Option value="231,186,82,255" type="QString" name="outline_color"/>
            <Option value="solid" type="QString" name="outline_style"/>
            <Option value="0.5" type="QString" name="outline_width"/>
            <Option value="MM" type="QString" name="outline_width_unit"/>
            <Option value="2.6" type="QString" name="size"/>
            <Option value="MM" type="QString" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="marker" name="41" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="42" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="43" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="44" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="45" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="46" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="47" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="48" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="49" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="50" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="51" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="52" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="53" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="54" alpha="1" clip_to_extent="1" force_rhr="0">
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
      <symbol type="marker" name="55" alpha="1" clip_to_extent="1" force_rhr="0">
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

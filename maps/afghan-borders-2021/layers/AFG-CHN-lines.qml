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
        <rule key="{confirmed-air_drone_strike}" symbol="13" filter="&quot;type&quot; = &apos;air_drone_strike&apos;" label="Air/drone strike"/>
        <rule key="{confirmed-shelling_artillery_missile_attack}" symbol="14" filter="&quot;type&quot; = &apos;shelling_artillery_missile_attack&apos;" label="Shelling/artillery/missile attack"/>
        <rule key="{confirmed-remote_explosive}" symbol="15" filter="&quot;type&quot; = &apos;remote_explosive&apos;" label="Remote explosive/landmine/IED"/>
        <rule key="{confirmed-suicide_bomb}" symbol="16" filter="&quot;type&quot; = &apos;suicide_bomb&apos;" label="Suicide bomb"/>
        <rule key="{confirmed-grenade}" symbol="17" filter="&quot;type&quot; = &apos;grenade&apos;" label="Grenade"/>
        <rule key="{confirmed-chemical_weapon}" symbol="18" filter="&quot;type&quot; = &apos;chemical_weapon&apos;" label="Chemical weapon"/>
        <rule key="{confirmed-attack}" symbol="19" filter="&quot;type&quot; = &apos;attack&apos;" label="Attack on civilians"/>
        <rule key="{confirmed-abduction}" symbol="20" filter="&quot;type&quot; = &apos;abduction&apos;" label="Abduction/forced disappearance"/>
        <rule key="{confirmed-sexual_violence}" symbol="21" filter="&quot;type&quot; = &apos;sexual_violence&apos;" label="Sexual violence"/>
        <rule key="{confirmed-peaceful_protest}" symbol="22" filter="&quot;type&quot; = &apos;peaceful_protest&apos;" label="Peaceful protest"/>
        <rule key="{confirmed-protest_with_intervention}" symbol="23" filter="&quot;type&quot; = &apos;protest_with_intervention&apos;" label="Protest with intervention"/>
        <rule key="{confirmed-excessive_force_against_protesters}" symbol="24" filter="&quot;type&quot; = &apos;excessive_force_against_protesters&apos;" label="Excessive force against protesters"/>
        <rule key="{confirmed-violent_demonstration}" symbol="25" filter="&quot;type&quot; = &apos;violent_demonstration&apos;" label="Violent demonstration"/>
        <rule key="{confirmed-mob_violence}" symbol="26" filter="&quot;type&quot; = &apos;mob_violence&apos;" label="Mob violence"/>
        <rule key="{confirmed-agreement}" symbol="27" filter="&quot;type&quot; = &apos;agreement&apos;" label="Agreement"/>
        <rule key="{confirmed-arrests}" symbol="28" filter="&quot;type&quot; = &apos;arrests&apos;" label="Arrests"/>
        <rule key="{confirmed-change_to_group_activity}" symbol="29" filter="&quot;type&quot; = &apos;change_to_group_activity&apos;" label="Change to group/activity"/>
        <rule key="{confirmed-disrupted_weapons_use}" symbol="30" filter="&quot;type&quot; = &apos;disrupted_weapons_use&apos;" label="Disrupted weapons use"/>
        <rule key="{confirmed-looting_property_destruction}" symbol="31" filter="&quot;type&quot; = &apos;looting_property_destruction&apos;" label="Looting/property destruction"/>
        <rule key="{confirmed-other}" symbol="32" filter="&quot;type&quot; = &apos;other&apos;" label="Other"/>
        <rule key="{confirmed-else}" symbol="33" filter="ELSE" label="Other type"/>
      </rule>
      <rule key="{claimed}" filter="&quot;claim_status&quot; = &apos;claimed&apos;" label="Claimed">
        <rule key="{claimed-capture}" symbol="34" filter="&quot;type&quot; = &apos;capture&apos;" label="Capture"/>
        <rule key="{claimed-recapture}" symbol="35" filter="&quot;type&quot; = &apos;recapture&apos;" label="Recapture"/>
        <rule key="{claimed-clash}" symbol="36" filter="&quot;type&quot; = &apos;clash&apos;" label="Clash"/>
        <rule key="{claimed-control_claim}" symbol="37" filter="&quot;type&quot; = &apos;control_claim&apos;" label="Control claim"/>
        <rule key="{claimed-flag_raising}" symbol="38" filter="&quot;type&quot; = &apos;flag_raising&apos;" label="Flag raised"/>
        <rule key="{claimed-flight_across_border}" symbol="39" filter="&quot;type&quot; = &apos;flight_across_border&apos;" label="Flight across the border"/>
        <rule key="{claimed-refused_entry}" symbol="40" filter="&quot;type&quot; = &apos;refused_entry&apos;" label="Refused entry"/>
        <rule key="{claimed-military_exercise}" symbol="41" filter="&quot;type&quot; = &apos;military_exercise&apos;" label="Military exercise"/>
        <rule key="{claimed-reinforcement}" symbol="42" filter="&quot;type&quot; = &apos;reinforcement&apos;" label="Reinforcement"/>
        <rule key="{claimed-military_aid}" symbol="43" filter="&quot;type&quot; = &apos;military_aid&apos;" label="Military aid"/>
        <rule key="{claimed-consulate_closure}" symbol="44" filter="&quot;type&quot; = &apos;consulate_closure&apos;" label="Consulate closure"/>
        <rule key="{claimed-refugees}" symbol="45" filter="&quot;type&quot; = &apos;refugees&apos;" label="Refugees"/>
        <rule key="{claimed-statement}" symbol="46" filter="&quot;type&quot; = &apos;statement&apos;" label="Statement"/>
        <rule key="{claimed-air_drone_strike}" symbol="47" filter="&quot;type&quot; = &apos;air_drone_strike&apos;" label="Air/drone strike"/>
        <rule key="{claimed-shelling_artillery_missile_attack}" symbol="48" filter="&quot;type&quot; = &apos;shelling_artillery_missile_attack&apos;" label="Shelling/artillery/missile attack"/>
        <rule key="{claimed-remote_explosive}" symbol="49" filter="&quot;type&quot; = &apos;remote_explosive&apos;" label="Remote explosive/landmine/IED"/>
        <rule key="{claimed-suicide_bomb}" symbol="50" filter="&quot;type&quot; = &apos;suicide_bomb&apos;" label="Suicide bomb"/>
        <rule key="{claimed-grenade}" symbol="51" filter="&quot;type&quot; = &apos;grenade&apos;" label="Grenade"/>
        <rule key="{claimed-chemical_weapon}" symbol="52" filter="&quot;type&quot; = &apos;chemical_weapon&apos;" label="Chemical weapon"/>
        <rule key="{claimed-attack}" symbol="53" filter="&quot;type&quot; = &apos;attack&apos;" label="Attack on civilians"/>
        <rule key="{claimed-abduction}" symbol="54" filter="&quot;type&quot; = &apos;abduction&apos;" label="Abduction/forced disappearance"/>
        <rule key="{claimed-sexual_violence}" symbol="55" filter="&quot;type&quot; = &apos;sexual_violence&apos;" label="Sexual violence"/>
        <rule key="{claimed-peaceful_protest}" symbol="56" filter="&quot;type&quot; = &apos;peaceful_protest&apos;" label="Peaceful protest"/>
        <rule key="{claimed-protest_with_intervention}" symbol="57" filter="&quot;type&quot; = &apos;protest_with_intervention&apos;" label="Protest with intervention"/>
        <rule key="{claimed-excessive_force_against_protesters}" symbol="58" filter="&quot;type&quot; = &apos;excessive_force_against_protesters&apos;" label="Excessive force against protesters"/>
        <rule key="{claimed-violent_demonstration}" symbol="59" filter="&quot;type&quot; = &apos;violent_demonstration&apos;" label="Violent demonstration"/>
        <rule key="{claimed-mob_violence}" symbol="60" filter="&quot;type&quot; = &apos;mob_violence&apos;" label="Mob violence"/>
        <rule key="{claimed-agreement}" symbol="61" filter="&quot;type&quot; = &apos;agreement&apos;" label="Agreement"/>
        <rule key="{claimed-arrests}" symbol="62" filter="&quot;type&quot; = &apos;arrests&apos;" label="Arrests"/>
        <rule key="{claimed-change_to_group_activity}" symbol="63" filter="&quot;type&quot; = &apos;change_to_group_activity&apos;" label="Change to group/activity"/>
        <rule key="{claimed-disrupted_weapons_use}" symbol="64" filter="&quot;type&quot; = &apos;disrupted_weapons_use&apos;" label="Disrupted weapons use"/>
        <rule key="{claimed-looting_property_destruction}" symbol="65" filter="&quot;type&quot; = &apos;looting_property_destruction&apos;" label="Looting/property destruction"/>
        <rule key="{claimed-other}" symbol="66" filter="&quot;type&quot; = &apos;other&apos;" label="Other"/>
        <rule key="{claimed-else}" symbol="67" filter="ELSE" label="Other type"/>
      </rule>
      <rule key="{disputed}" filter="&quot;claim_status&quot; = &apos;disputed&apos;" label="Disputed">
        <rule key="{disputed-capture}" symbol="68" filter="&quot;type&quot; = &apos;capture&apos;" label="Capture"/>
        <rule key="{disputed-recapture}" symbol="69" filter="&quot;type&quot; = &apos;recapture&apos;" label="Recapture"/>
        <rule key="{disputed-clash}" symbol="70" filter="&quot;type&quot; = &apos;clash&apos;" label="Clash"/>
        <rule key="{disputed-control_claim}" symbol="71" filter="&quot;type&quot; = &apos;control_claim&apos;" label="Control claim"/>
        <rule key="{disputed-flag_raising}" symbol="72" filter="&quot;type&quot; = &apos;flag_raising&apos;" label="Flag raised"/>
        <rule key="{disputed-flight_across_border}" symbol="73" filter="&quot;type&quot; = &apos;flight_across_border&apos;" label="Flight across the border"/>
        <rule key="{disputed-refused_entry}" symbol="74" filter="&quot;type&quot; = &apos;refused_entry&apos;" label="Refused entry"/>
        <rule key="{disputed-military_exercise}" symbol="75" filter="&quot;type&quot; = &apos;military_exercise&apos;" label="Military exercise"/>
        <rule key="{disputed-reinforcement}" symbol="76" filter="&quot;type&quot; = &apos;reinforcement&apos;" label="Reinforcement"/>
        <rule key="{disputed-military_aid}" symbol="77" filter="&quot;type&quot; = &apos;military_aid&apos;" label="Military aid"/>
        <rule key="{disputed-consulate_closure}" symbol="78" filter="&quot;type&quot; = &apos;consulate_closure&apos;" label="Consulate closure"/>
        <rule key="{disputed-refugees}" symbol="79" filter="&quot;type&quot; = &apos;refugees&apos;" label="Refugees"/>
        <rule key="{disputed-statement}" symbol="80" filter="&quot;type&quot; = &apos;statement&apos;" label="Statement"/>
        <rule key="{disputed-air_drone_strike}" symbol="81" filter="&quot;type&quot; = &apos;air_drone_strike&apos;" label="Air/drone strike"/>
        <rule key="{disputed-shelling_artillery_missile_attack}" symbol="82" filter="&quot;type&quot; = &apos;shelling_artillery_missile_attack&apos;" label="Shelling/artillery/missile attack"/>
        <rule key="{disputed-remote_explosive}" symbol="83" filter="&quot;type&quot; = &apos;remote_explosive&apos;" label="Remote explosive/landmine/IED"/>
        <rule key="{disputed-suicide_bomb}" symbol="84" filter="&quot;type&quot; = &apos;suicide_bomb&apos;" label="Suicide bomb"/>
        <rule key="{disputed-grenade}" symbol="85" filter="&quot;type&quot; = &apos;grenade&apos;" label="Grenade"/>
        <rule key="{disputed-chemical_weapon}" symbol="86" filter="&quot;type&quot; = &apos;chemical_weapon&apos;" label="Chemical weapon"/>
        <rule key="{disputed-attack}" symbol="87" filter="&quot;type&quot; = &apos;attack&apos;" label="Attack on civilians"/>
        <rule key="{disputed-abduction}" symbol="88" filter="&quot;type&quot; = &apos;abduction&apos;" label="Abduction/forced disappearance"/>
        <rule key="{disputed-sexual_violence}" symbol="89" filter="&quot;type&quot; = &apos;sexual_violence&apos;" label="Sexual violence"/>
        <rule key="{disputed-peaceful_protest}" symbol="90" filter="&quot;type&quot; = &apos;peaceful_protest&apos;" label="Peaceful protest"/>
        <rule key="{disputed-protest_with_intervention}" symbol="91" filter="&quot;type&quot; = &apos;protest_with_intervention&apos;" label="Protest with intervention"/>
        <rule key="{disputed-excessive_force_against_protesters}" symbol="92" filter="&quot;type&quot; = &apos;excessive_force_against_protesters&apos;" label="Excessive force against protesters"/>
        <rule key="{disputed-violent_demonstration}" symbol="93" filter="&quot;type&quot; = &apos;violent_demonstration&apos;" label="Violent demonstration"/>
        <rule key="{disputed-mob_violence}" symbol="94" filter="&quot;type&quot; = &apos;mob_violence&apos;" label="Mob violence"/>
        <rule key="{disputed-agreement}" symbol="95" filter="&quot;type&quot; = &apos;agreement&apos;" label="Agreement"/>
        <rule key="{disputed-arrests}" symbol="96" filter="&quot;type&quot; = &apos;arrests&apos;" label="Arrests"/>
        <rule key="{disputed-change_to_group_activity}" symbol="97" filter="&quot;type&quot; = &apos;change_to_group_activity&apos;" label="Change to group/activity"/>
        <rule key="{disputed-disrupted_weapons_use}" symbol="98" filter="&quot;type&quot; = &apos;disrupted_weapons_use&apos;" label="Disrupted weapons use"/>
        <rule key="{disputed-looting_property_destruction}" symbol="99" filter="&quot;type&quot; = &apos;looting_property_destruction&apos;" label="Looting/property destruction"/>
        <rule key="{disputed-other}" symbol="100" filter="&quot;type&quot; = &apos;other&apos;" label="Other"/>
        <rule key="{disputed-else}" symbol="101" filter="ELSE" label="Other type"/>
      </rule>
      <rule key="{denied}" filter="&quot;claim_status&quot; = &apos;denied&apos;" label="Denied">
        <rule key="{denied-capture}" symbol="102" filter="&quot;type&quot; = &apos;capture&apos;" label="Capture"/>
        <rule key="{denied-recapture}" symbol="103" filter="&quot;type&quot; = &apos;recapture&apos;" label="Recapture"/>
        <rule key="{denied-clash}" symbol="104" filter="&quot;type&quot; = &apos;clash&apos;" label="Clash"/>
        <rule key="{denied-control_claim}" symbol="105" filter="&quot;type&quot; = &apos;control_claim&apos;" label="Control claim"/>
        <rule key="{denied-flag_raising}" symbol="106" filter="&quot;type&quot; = &apos;flag_raising&apos;" label="Flag raised"/>
        <rule key="{denied-flight_across_border}" symbol="107" filter="&quot;type&quot; = &apos;flight_across_border&apos;" label="Flight across the border"/>
        <rule key="{denied-refused_entry}" symbol="108" filter="&quot;type&quot; = &apos;refused_entry&apos;" label="Refused entry"/>
        <rule key="{denied-military_exercise}" symbol="109" filter="&quot;type&quot; = &apos;military_exercise&apos;" label="Military exercise"/>
        <rule key="{denied-reinforcement}" symbol="110" filter="&quot;type&quot; = &apos;reinforcement&apos;" label="Reinforcement"/>
        <rule key="{denied-military_aid}" symbol="111" filter="&quot;type&quot; = &apos;military_aid&apos;" label="Military aid"/>
        <rule key="{denied-consulate_closure}" symbol="112" filter="&quot;type&quot; = &apos;consulate_closure&apos;" label="Consulate closure"/>
        <rule key="{denied-refugees}" symbol="113" filter="&quot;type&quot; = &apos;refugees&apos;" label="Refugees"/>
        <rule key="{denied-statement}" symbol="114" filter="&quot;type&quot; = &apos;statement&apos;" label="Statement"/>
        <rule key="{denied-air_drone_strike}" symbol="115" filter="&quot;type&quot; = &apos;air_drone_strike&apos;" label="Air/drone strike"/>
        <rule key="{denied-shelling_artillery_missile_attack}" symbol="116" filter="&quot;type&quot; = &apos;shelling_artillery_missile_attack&apos;" label="Shelling/artillery/missile attack"/>
        <rule key="{denied-remote_explosive}" symbol="117" filter="&quot;type&quot; = &apos;remote_explosive&apos;" label="Remote explosive/landmine/IED"/>
        <rule key="{denied-suicide_bomb}" symbol="118" filter="&quot;type&quot; = &apos;suicide_bomb&apos;" label="Suicide bomb"/>
        <rule key="{denied-grenade}" symbol="119" filter="&quot;type&quot; = &apos;grenade&apos;" label="Grenade"/>
        <rule key="{denied-chemical_weapon}" symbol="120" filter="&quot;type&quot; = &apos;chemical_weapon&apos;" label="Chemical weapon"/>
        <rule key="{denied-attack}" symbol="121" filter="&quot;type&quot; = &apos;attack&apos;" label="Attack on civilians"/>
        <rule key="{denied-abduction}" symbol="122" filter="&quot;type&quot; = &apos;abduction&apos;" label="Abduction/forced disappearance"/>
        <rule key="{denied-sexual_violence}" symbol="123" filter="&quot;type&quot; = &apos;sexual_violence&apos;" label="Sexual violence"/>
        <rule key="{denied-peaceful_protest}" symbol="124" filter="&quot;type&quot; = &apos;peaceful_protest&apos;" label="Peaceful protest"/>
        <rule key="{denied-protest_with_intervention}" symbol="125" filter="&quot;type&quot; = &apos;protest_with_intervention&apos;" label="Protest with intervention"/>
        <rule key="{denied-excessive_force_against_protesters}" symbol="126" filter="&quot;type&quot; = &apos;excessive_force_against_protesters&apos;" label="Excessive force against protesters"/>
        <rule key="{denied-violent_demonstration}" symbol="127" filter="&quot;type&quot; = &apos;violent_demonstration&apos;" label="Violent demonstration"/>
        <rule key="{denied-mob_violence}" symbol="128" filter="&quot;type&quot; = &apos;mob_violence&apos;" label="Mob violence"/>
        <rule key="{denied-agreement}" symbol="129" filter="&quot;type&quot; = &apos;agreement&apos;" label="Agreement"/>
        <rule key="{denied-arrests}" symbol="130" filter="&quot;type&quot; = &apos;arrests&apos;" label="Arrests"/>
        <rule key="{denied-change_to_group_activity}" symbol="131" filter="&quot;type&quot; = &apos;change_to_group_activity&apos;" label="Change to group/activity"/>
        <rule key="{denied-disrupted_weapons_use}" symbol="132" filter="&quot;type&quot; = &apos;disrupted_weapons_use&apos;" label="Disrupted weapons use"/>
        <rule key="{denied-looting_property_destruction}" symbol="133" filter="&quot;type&quot; = &apos;looting_property_destruction&apos;" label="Looting/property destruction"/>
        <rule key="{denied-other}" symbol="134" filter="&quot;type&quot; = &apos;other&apos;" label="Other"/>
        <rule key="{denied-else}" symbol="135" filter="ELSE" label="Other type"/>
      </rule>
    </rules>
    <symbols>
      <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="214,39,40,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="31,119,180,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="255,127,14,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="148,103,189,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="140,86,75,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="227,119,194,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="6" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="0,128,128,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="7" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="44,160,44,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="8" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="23,190,207,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="9" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="188,189,34,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="10" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="57,59,121,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="11" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="255,152,150,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="12" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="231,186,82,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="13" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="140,45,4,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="14" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="204,76,2,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="15" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="253,141,60,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="16" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="102,37,6,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="17" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="253,174,107,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="18" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="153,52,4,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="19" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="174,1,126,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="20" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="122,1,119,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="21" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="247,104,161,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="22" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="65,171,93,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="23" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="0,109,44,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="24" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="0,68,27,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="25" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="184,134,11,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="26" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="128,128,0,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="27" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="158,202,225,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="28" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="63,0,125,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="29" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="84,39,143,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="30" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="128,125,186,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="31" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="139,69,19,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="32" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="150,150,150,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="33" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="round" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="158,158,158,255" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="1.2" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="0" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="34" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="224,93,94,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="35" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="87,153,199,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="36" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="255,159,74,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="37" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="175,141,206,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="38" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="169,128,120,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="39" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="234,153,209,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="40" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="64,160,160,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="41" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="97,184,97,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="42" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="81,206,219,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="43" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="205,206,89,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="44" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="107,108,155,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="45" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="255,178,176,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="46" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="237,203,125,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="47" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="169,98,67,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="48" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="217,121,65,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="49" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="254,170,109,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="50" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="140,92,68,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="51" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="254,194,144,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="52" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="179,103,67,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="53" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="194,65,158,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="54" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="155,65,153,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="55" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="249,142,185,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="56" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="113,192,134,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="57" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="64,146,97,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="58" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="64,115,84,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="59" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="202,164,72,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="60" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="160,160,64,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="61" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="182,215,233,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="62" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="111,64,158,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="63" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="127,93,171,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="64" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="160,158,203,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="65" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="168,116,78,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="66" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="176,176,176,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="67" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="4;2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="158,158,158,230" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.9" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="68" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="201,122,123,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="69" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="118,158,186,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="70" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="219,162,111,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="71" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="171,151,190,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="72" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="168,143,138,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="73" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="207,158,192,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="74" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="105,162,162,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="75" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="124,177,124,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="76" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="115,190,198,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="77" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="189,190,120,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="78" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="130,131,159,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="79" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="219,173,172,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="80" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="208,188,141,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="81" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="168,125,106,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="82" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="196,139,105,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="83" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="218,168,132,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="84" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="150,121,107,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="85" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="218,183,153,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="86" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="173,128,106,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="87" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="183,105,161,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="88" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="159,105,158,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="89" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="216,151,177,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="90" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="134,181,146,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="91" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="105,154,124,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="92" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="105,135,117,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="93" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="187,165,109,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="94" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="162,162,105,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="95" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="176,195,206,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="96" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="133,105,161,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="97" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="142,122,169,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="98" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="162,161,188,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="99" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="167,136,113,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="100" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="172,172,172,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="101" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="0.7;1.4" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="158,158,158,200" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.7" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="102" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="103" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="104" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="105" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="106" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="107" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="108" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="109" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="110" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="111" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="112" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="113" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="114" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="115" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="116" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="117" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="118" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="119" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="120" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="121" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="122" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="123" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="124" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="125" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="126" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="127" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="128" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="129" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="130" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="131" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="132" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="133" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="134" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="line" name="135" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" pass="0" enabled="1" locked="0">
          <Option type="Map">
            <Option value="3;1.2;0.6;1.2" type="QString" name="customdash"/>
            <Option value="MM" type="QString" name="customdash_unit"/>
            <Option value="flat" type="QString" name="capstyle"/>
            <Option value="round" type="QString" name="joinstyle"/>
            <Option value="89,89,89,220" type="QString" name="line_color"/>
            <Option value="solid" type="QString" name="line_style"/>
            <Option value="0.5" type="QString" name="line_width"/>
            <Option value="MM" type="QString" name="line_width_unit"/>
            <Option value="1" type="QString" name="use_custom_dash"/>
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
  <layerGeometryType>1</layerGeometryType>
</qgis>

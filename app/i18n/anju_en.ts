<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnjuChecklistItem</name>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="62"/>
        <source>Last time: %1</source>
        <translation>Last time: %1</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="83"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="92"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="139"/>
        <source>range %1–%2</source>
        <translation>range %1–%2</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="153"/>
        <source>Write here</source>
        <translation>Write here</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="164"/>
        <source>Replace photo</source>
        <translation>Replace photo</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="164"/>
        <source>Add photo</source>
        <translation>Add photo</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="183"/>
        <source>Photo attached</source>
        <translation>Photo attached</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="183"/>
        <source>No photo yet</source>
        <translation>No photo yet</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="184"/>
        <source>A photo is required for this answer</source>
        <translation>A photo is required for this answer</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="191"/>
        <source>Hazard recorded — complete it under Findings</source>
        <translation>Hazard recorded — complete it under Findings</translation>
    </message>
</context>
<context>
    <name>AnjuFindingCard</name>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="66"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="77"/>
        <source>Crack has grown since the last inspection</source>
        <translation>Crack has grown since the last inspection</translation>
    </message>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="93"/>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="104"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="110"/>
        <source>e.g. north load-bearing wall, ground floor</source>
        <translation>e.g. north load-bearing wall, ground floor</translation>
    </message>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="144"/>
        <source>Add photo</source>
        <translation>Add photo</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AnjuFindingCard.qml" line="164"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnjuJudgmentBadge</name>
    <message>
        <location filename="../qml/AnjuJudgmentBadge.qml" line="20"/>
        <source>Not judged</source>
        <translation>Not judged</translation>
    </message>
</context>
<context>
    <name>AnjuPlatformFields</name>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="17"/>
        <source>National platform</source>
        <translation>National platform</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="22"/>
        <source>Business type</source>
        <translation>Business type</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="36"/>
        <source>Land type</source>
        <translation>Land type</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="49"/>
        <source>Permits</source>
        <translation>Permits</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="87"/>
        <source>Geo-hazards</source>
        <translation>Geo-hazards</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="98"/>
        <source>Fire hazards</source>
        <translation>Fire hazards</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="109"/>
        <source>Platform house no.</source>
        <translation>Platform house no.</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="121"/>
        <source>Census house no.</source>
        <translation>Census house no.</translation>
    </message>
</context>
<context>
    <name>AnjuSignaturePad</name>
    <message>
        <location filename="../qml/AnjuSignaturePad.qml" line="32"/>
        <source>Owner signs here</source>
        <translation>Owner signs here</translation>
    </message>
</context>
<context>
    <name>AnjuVisitPanel</name>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="25"/>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="32"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="32"/>
        <source>Record visit</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="48"/>
        <source>Note (optional), e.g. neighbour says owner is back on Sunday</source>
        <translation>Note (optional), e.g. neighbour says owner is back on Sunday</translation>
    </message>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="86"/>
        <source>No visit recorded yet.</source>
        <translation>No visit recorded yet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AnjuVisitPanel.qml" line="87"/>
        <source>%n visit(s); last: %1</source>
        <translation>
            <numerusform>%n visit; last: %1</numerusform>
            <numerusform>%n visits; last: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="96"/>
        <source>To revisit by %1</source>
        <translation>To revisit by %1</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../qml/CameraPage.qml" line="15"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="50"/>
        <source>Choose a photo</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="51"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Pictures (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="86"/>
        <source>No camera found on this device</source>
        <translation>No camera found on this device</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="94"/>
        <source>Choose a picture taken earlier. It is resized and kept with the inspection like a camera photo.</source>
        <translation>Choose a picture taken earlier. It is resized and kept with the inspection like a camera photo.</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="102"/>
        <source>Choose from files</source>
        <translation>Choose from files</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="116"/>
        <source>Position: %1</source>
        <translation>Position: %1</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="117"/>
        <source>No position available: the photo is kept without a location.</source>
        <translation>No position available: the photo is kept without a location.</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="123"/>
        <source>From files</source>
        <translation>From files</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="129"/>
        <source>Take photo</source>
        <translation>Take photo</translation>
    </message>
</context>
<context>
    <name>HouseMapModel</name>
    <message>
        <location filename="../src/house_map_model.cpp" line="31"/>
        <source>Not visited</source>
        <translation>Not visited</translation>
    </message>
</context>
<context>
    <name>HousePage</name>
    <message>
        <location filename="../qml/HousePage.qml" line="25"/>
        <source>House</source>
        <translation>House</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="81"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="90"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="100"/>
        <source>Year built</source>
        <translation>Year built</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="111"/>
        <source>Storeys above ground</source>
        <translation>Storeys above ground</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="121"/>
        <source>Storeys below ground</source>
        <translation>Storeys below ground</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="131"/>
        <source>Floor area (m²)</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="141"/>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="153"/>
        <source>Use</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="165"/>
        <source>Design</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="177"/>
        <source>Alterations</source>
        <translation>Alterations</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="214"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="218"/>
        <source>Undo changes</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="226"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="252"/>
        <source>Continue inspection</source>
        <translation>Continue inspection</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="252"/>
        <source>Start inspection</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="263"/>
        <source>Inspection history</source>
        <translation>Inspection history</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HousePage.qml" line="299"/>
        <source>%1 · %2 · %n finding(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n finding</numerusform>
            <numerusform>%1 · %2 · %n findings</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="301"/>
        <source> · judgment overridden</source>
        <translation> · judgment overridden</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="309"/>
        <source>Reviewer: %1</source>
        <translation>Reviewer: %1</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="320"/>
        <source>Not inspected yet.</source>
        <translation>Not inspected yet.</translation>
    </message>
</context>
<context>
    <name>HousesPage</name>
    <message>
        <location filename="../qml/HousesPage.qml" line="11"/>
        <source>My houses</source>
        <translation>My houses</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="114"/>
        <source>Assigned to me (%1)</source>
        <translation>Assigned to me (%1)</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="154"/>
        <source>Due date: %1 · handed in</source>
        <translation>Due date: %1 · handed in</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="155"/>
        <source>Due date: %1</source>
        <translation>Due date: %1</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="48"/>
        <source>Returned by the reviewer (%1) — please redo</source>
        <translation>Returned by the reviewer (%1) — please redo</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="87"/>
        <source>Reviewer: %1</source>
        <translation>Reviewer: %1</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="88"/>
        <source>Returned without a comment</source>
        <translation>Returned without a comment</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="173"/>
        <source>Search by address, street or community</source>
        <translation>Search by address, street or community</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="190"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="191"/>
        <source>Not visited</source>
        <translation>Not visited</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="193"/>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="194"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="195"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="196"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="208"/>
        <source>All judgments</source>
        <translation>All judgments</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="209"/>
        <source>Serious hazard</source>
        <translation>Serious hazard</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="210"/>
        <source>Some hazard</source>
        <translation>Some hazard</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="211"/>
        <source>No hazard found</source>
        <translation>No hazard found</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HousesPage.qml" line="219"/>
        <source>%n house(s) found</source>
        <translation>
            <numerusform>%n house found</numerusform>
            <numerusform>%n houses found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HousesPage.qml" line="220"/>
        <source>%n house(s)</source>
        <translation>
            <numerusform>%n house</numerusform>
            <numerusform>%n houses</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="299"/>
        <source>Last inspected %1</source>
        <translation>Last inspected %1</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="300"/>
        <source>Never inspected</source>
        <translation>Never inspected</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="338"/>
        <source>No house matches the search.</source>
        <translation>No house matches the search.</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="339"/>
        <source>No houses.</source>
        <translation>No houses.</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="192"/>
        <source>To revisit</source>
        <translation>To revisit</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HousesPage.qml" line="302"/>
        <source> · %n visit(s), last: %1</source>
        <translation>
            <numerusform> · %n visit, last: %1</numerusform>
            <numerusform> · %n visits, last: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="312"/>
        <source>Revisit due %1</source>
        <translation>Revisit due %1</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <location filename="../qml/InspectionPage.qml" line="15"/>
        <source>Inspection · %1</source>
        <translation>Inspection · %1</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="15"/>
        <source>Inspection</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="65"/>
        <source>Findings (%1)</source>
        <translation>Findings (%1)</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="92"/>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="98"/>
        <source>Draft saved %1</source>
        <translation>Draft saved %1</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="107"/>
        <source>All normal in this section</source>
        <translation>All normal in this section</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="121"/>
        <source>Compared with the inspection of %1: its answers are shown under each question.</source>
        <translation>Compared with the inspection of %1: its answers are shown under each question.</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="130"/>
        <source>Returned by the reviewer: %1</source>
        <translation>Returned by the reviewer: %1</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="170"/>
        <source>Add a finding:</source>
        <translation>Add a finding:</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="188"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="204"/>
        <source>All photos (%1)</source>
        <translation>All photos (%1)</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="228"/>
        <source>No findings. Hazard answers in the checklist add them here.</source>
        <translation>No findings. Hazard answers in the checklist add them here.</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="237"/>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="248"/>
        <source>Section %1 of %2</source>
        <translation>Section %1 of %2</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="255"/>
        <source>To the judgment</source>
        <translation>To the judgment</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="255"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>JudgmentPage</name>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="14"/>
        <source>Preliminary judgment</source>
        <translation>Preliminary judgment</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="47"/>
        <source>Computed judgment</source>
        <translation>Computed judgment</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="57"/>
        <source>Advice: %1</source>
        <translation>Advice: %1</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="65"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="87"/>
        <source>Override (only with a written reason)</source>
        <translation>Override (only with a written reason)</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="103"/>
        <source>Keep the computed judgment</source>
        <translation>Keep the computed judgment</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="110"/>
        <source>Reason for the override</source>
        <translation>Reason for the override</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="118"/>
        <source>Apply override</source>
        <translation>Apply override</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="124"/>
        <source>Remove override</source>
        <translation>Remove override</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="138"/>
        <source>Judgment that counts:</source>
        <translation>Judgment that counts:</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="150"/>
        <source>Owner notice</source>
        <translation>Owner notice</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="173"/>
        <source>Submitted. It will be sent at the next sync.</source>
        <translation>Submitted. It will be sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="180"/>
        <source>Submit inspection</source>
        <translation>Submit inspection</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="20"/>
        <source>Anju — house safety inspection</source>
        <translation>Anju — house safety inspection</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="57"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="68"/>
        <source>Inspector: %1</source>
        <translation>Inspector: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="86"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="146"/>
        <source>North wall, vertical crack above the door</source>
        <translation>North wall, vertical crack above the door</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="157"/>
        <source>Crack 1.5 mm</source>
        <translation>Crack 1.5 mm</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="79"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../qml/MapPage.qml" line="12"/>
        <source>Map of my houses</source>
        <translation>Map of my houses</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="136"/>
        <source>Nearest not yet visited</source>
        <translation>Nearest not yet visited</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="142"/>
        <source>My position</source>
        <translation>My position</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="149"/>
        <source>All houses</source>
        <translation>All houses</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="242"/>
        <source>Serious hazard</source>
        <translation>Serious hazard</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="245"/>
        <source>Some hazard</source>
        <translation>Some hazard</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="248"/>
        <source>No hazard found</source>
        <translation>No hazard found</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="251"/>
        <source>Inspection in progress</source>
        <translation>Inspection in progress</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="254"/>
        <source>Knocked, not inspected (revisit)</source>
        <translation>Knocked, not inspected (revisit)</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="257"/>
        <source>Not visited</source>
        <translation>Not visited</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="276"/>
        <source>Hollow: still to visit · dashed: community outline · blue target: my position</source>
        <translation>Hollow: still to visit · dashed: community outline · blue target: my position</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="281"/>
        <source>Basemap: %1</source>
        <translation>Basemap: %1</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="281"/>
        <source>No basemap: houses and outlines only</source>
        <translation>No basemap: houses and outlines only</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="286"/>
        <source>My position: %1, %2</source>
        <translation>My position: %1, %2</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="286"/>
        <source>No GPS fix yet</source>
        <translation>No GPS fix yet</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="210"/>
        <source>Owner: %1  %2</source>
        <translation>Owner: %1  %2</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="216"/>
        <source>Open house</source>
        <translation>Open house</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="222"/>
        <source>Call owner</source>
        <translation>Call owner</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="227"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="304"/>
        <source>Nearest first (%1 houses)</source>
        <translation>Nearest first (%1 houses)</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="304"/>
        <source>%1 houses (no GPS fix: list order)</source>
        <translation>%1 houses (no GPS fix: list order)</translation>
    </message>
</context>
<context>
    <name>OwnerNoticeDocument</name>
    <message>
        <location filename="../src/owner_notice_document.cpp" line="190"/>
        <source>The notice font is missing.</source>
        <translation>The notice font is missing.</translation>
    </message>
    <message>
        <location filename="../src/owner_notice_document.cpp" line="203"/>
        <source>Cannot write the notice: %1</source>
        <translation>Cannot write the notice: %1</translation>
    </message>
    <message>
        <location filename="../src/owner_notice_document.cpp" line="211"/>
        <source>The notice file is empty: %1</source>
        <translation>The notice file is empty: %1</translation>
    </message>
</context>
<context>
    <name>OwnerNoticePage</name>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="13"/>
        <source>Owner notice</source>
        <translation>Owner notice</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="36"/>
        <source>Notice No. %1</source>
        <translation>Notice No. %1</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="43"/>
        <source>Signed by the owner</source>
        <translation>Signed by the owner</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="44"/>
        <source>Owner refused to sign</source>
        <translation>Owner refused to sign</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="45"/>
        <source>Not signed yet</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="66"/>
        <source>Owner&apos;s signature</source>
        <translation>Owner&apos;s signature</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="76"/>
        <source>Confirm signature</source>
        <translation>Confirm signature</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="82"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="87"/>
        <source>If the owner refuses to sign</source>
        <translation>If the owner refuses to sign</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="92"/>
        <source>What happened (who refused, why)</source>
        <translation>What happened (who refused, why)</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="98"/>
        <source>Record refusal</source>
        <translation>Record refusal</translation>
    </message>
</context>
<context>
    <name>PhotoAnnotation</name>
    <message>
        <location filename="../src/photo_annotation.cpp" line="45"/>
        <source>Draw an arrow, a circle or a text first.</source>
        <translation>Draw an arrow, a circle or a text first.</translation>
    </message>
    <message>
        <location filename="../src/photo_annotation.cpp" line="59"/>
        <source>Unknown drawing tool “%1”.</source>
        <translation>Unknown drawing tool “%1”.</translation>
    </message>
    <message>
        <location filename="../src/photo_annotation.cpp" line="68"/>
        <source>A drawing lies outside the photo.</source>
        <translation>A drawing lies outside the photo.</translation>
    </message>
    <message>
        <location filename="../src/photo_annotation.cpp" line="72"/>
        <source>A text label has no text.</source>
        <translation>A text label has no text.</translation>
    </message>
    <message>
        <location filename="../src/photo_annotation.cpp" line="76"/>
        <source>An arrow or circle has no size.</source>
        <translation>An arrow or circle has no size.</translation>
    </message>
</context>
<context>
    <name>PhotoAnnotationPage</name>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="20"/>
        <source>Annotate photo</source>
        <translation>Annotate photo</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="48"/>
        <source>Arrow</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="54"/>
        <source>Circle</source>
        <translation>Circle</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="60"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="69"/>
        <source>Text, then tap the photo where it goes</source>
        <translation>Text, then tap the photo where it goes</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="74"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="80"/>
        <source>Save as a copy</source>
        <translation>Save as a copy</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="92"/>
        <source>Drag from where the arrow starts to what it points at.</source>
        <translation>Drag from where the arrow starts to what it points at.</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="93"/>
        <source>Drag from the centre outwards to circle something.</source>
        <translation>Drag from the centre outwards to circle something.</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="94"/>
        <source>Type the text above, then tap the photo where it goes.</source>
        <translation>Type the text above, then tap the photo where it goes.</translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message>
        <location filename="../src/photo_import.cpp" line="19"/>
        <source>Cannot read the picture %1: %2</source>
        <translation>Cannot read the picture %1: %2</translation>
    </message>
    <message>
        <location filename="../src/photo_import.cpp" line="30"/>
        <location filename="../src/photo_import.cpp" line="39"/>
        <source>Cannot convert the picture to JPEG.</source>
        <translation>Cannot convert the picture to JPEG.</translation>
    </message>
</context>
<context>
    <name>PhotoPage</name>
    <message>
        <location filename="../qml/PhotoPage.qml" line="26"/>
        <source>Annotated copy</source>
        <translation>Annotated copy</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="26"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="77"/>
        <source>The picture is not on this tablet.</source>
        <translation>The picture is not on this tablet.</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="96"/>
        <source>Annotated copy: the original photo is kept unchanged.</source>
        <translation>Annotated copy: the original photo is kept unchanged.</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="100"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="110"/>
        <source>Not chosen</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="113"/>
        <source>Caption</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="119"/>
        <source>What the photo shows, e.g. north wall, crack above the window</source>
        <translation>What the photo shows, e.g. north wall, crack above the window</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="125"/>
        <source>Taken %1</source>
        <translation>Taken %1</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="132"/>
        <source>SHA-256 %1…</source>
        <translation>SHA-256 %1…</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="140"/>
        <source>Show the original</source>
        <translation>Show the original</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="149"/>
        <source>Annotated copy %1</source>
        <translation>Annotated copy %1</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="157"/>
        <source>Annotate (on a copy)</source>
        <translation>Annotate (on a copy)</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="165"/>
        <source>This inspection was submitted before: its photos are evidence and cannot be deleted.</source>
        <translation>This inspection was submitted before: its photos are evidence and cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="174"/>
        <source>Delete photo</source>
        <translation>Delete photo</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="184"/>
        <source>Delete this photo and its annotated copies?</source>
        <translation>Delete this photo and its annotated copies?</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="184"/>
        <source>Delete this photo?</source>
        <translation>Delete this photo?</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="188"/>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="193"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="11"/>
        <location filename="../qml/SignInPage.qml" line="80"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="33"/>
        <source>安居 · Anju</source>
        <translation>安居 · Anju</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="39"/>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="49"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="58"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="87"/>
        <source>The password is not stored on this tablet. After signing in, you can keep working offline for days; changes are sent at the next sync.</source>
        <translation>The password is not stored on this tablet. After signing in, you can keep working offline for days; changes are sent at the next sync.</translation>
    </message>
</context>
<context>
    <name>SyncIssuesPage</name>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="11"/>
        <source>Refused changes and conflicts</source>
        <translation>Refused changes and conflicts</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="27"/>
        <source>Open a house to correct what was refused; the correction is sent at the next sync. Dismiss a row once you have dealt with it.</source>
        <translation>Open a house to correct what was refused; the correction is sent at the next sync. Dismiss a row once you have dealt with it.</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="77"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="77"/>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="99"/>
        <source>The version that was not kept:</source>
        <translation>The version that was not kept:</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="115"/>
        <source>Open to fix</source>
        <translation>Open to fix</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="124"/>
        <source>Use my version again</source>
        <translation>Use my version again</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="130"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="139"/>
        <source>Nothing was refused and there are no conflicts.</source>
        <translation>Nothing was refused and there are no conflicts.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../qml/SyncPage.qml" line="10"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="44"/>
        <source>changes waiting to be sent</source>
        <translation>changes waiting to be sent</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="55"/>
        <source>photos to upload (%1)</source>
        <translation>photos to upload (%1)</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="56"/>
        <source>photos to upload</source>
        <translation>photos to upload</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="68"/>
        <source>refused or in conflict</source>
        <translation>refused or in conflict</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="72"/>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="73"/>
        <source>Last sync: never</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="78"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/SyncPage.qml" line="108"/>
        <source>%n refused change(s) or conflict(s) — look and fix</source>
        <translation>
            <numerusform>%n refused change or conflict — look and fix</numerusform>
            <numerusform>%n refused changes or conflicts — look and fix</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="115"/>
        <source>Signing out keeps everything on this tablet: houses, drafts, photos and unsent changes. They are sent after the next sign-in.</source>
        <translation>Signing out keeps everything on this tablet: houses, drafts, photos and unsent changes. They are sent after the next sign-in.</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="126"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="133"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="142"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="148"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
</context>
<context>
    <name>anju::app::CoreSyncService</name>
    <message>
        <location filename="../src/core_sync_service.cpp" line="110"/>
        <source>Please wait until the sync or sign-in under way has finished.</source>
        <translation>Please wait until the sync or sign-in under way has finished.</translation>
    </message>
    <message>
        <location filename="../src/core_sync_service.cpp" line="182"/>
        <source>Sync stopped. What was sent or received so far is kept; the next sync carries on from there.</source>
        <translation>Sync stopped. What was sent or received so far is kept; the next sync carries on from there.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/core_sync_service.cpp" line="190"/>
        <source>%n photo(s) could not be sent and stay queued: %1</source>
        <translation>
            <numerusform>%n photo could not be sent and stays queued: %1</numerusform>
            <numerusform>%n photos could not be sent and stay queued: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anju::app::HouseController</name>
    <message>
        <location filename="../src/house_controller.cpp" line="251"/>
        <source>Please correct the marked fields.</source>
        <translation>Please correct the marked fields.</translation>
    </message>
    <message>
        <location filename="../src/house_controller.cpp" line="306"/>
        <source>None / not recorded</source>
        <translation>None / not recorded</translation>
    </message>
    <message>
        <location filename="../src/house_controller.cpp" line="313"/>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../src/house_controller.cpp" line="324"/>
        <source>Not asked</source>
        <translation>Not asked</translation>
    </message>
</context>
<context>
    <name>anju::app::HouseListModel</name>
    <message>
        <location filename="../src/house_list_model.cpp" line="248"/>
        <source>Not visited</source>
        <translation>Not visited</translation>
    </message>
    <message>
        <location filename="../src/house_list_model.cpp" line="251"/>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../src/house_list_model.cpp" line="253"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../src/house_list_model.cpp" line="255"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../src/house_list_model.cpp" line="257"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
</context>
<context>
    <name>anju::app::InspectionController</name>
    <message>
        <location filename="../src/inspection_controller.cpp" line="127"/>
        <source>Sign in first: an inspection records who made it.</source>
        <translation>Sign in first: an inspection records who made it.</translation>
    </message>
    <message>
        <location filename="../src/inspection_controller.cpp" line="175"/>
        <location filename="../src/inspection_controller_typing.cpp" line="50"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../src/inspection_controller.cpp" line="252"/>
        <source>Enter a number.</source>
        <translation>Enter a number.</translation>
    </message>
    <message>
        <location filename="../src/inspection_controller.cpp" line="293"/>
        <location filename="../src/inspection_controller.cpp" line="359"/>
        <source>This inspection cannot be changed any more.</source>
        <translation>This inspection cannot be changed any more.</translation>
    </message>
    <message>
        <location filename="../src/inspection_controller.cpp" line="297"/>
        <source>A typed value could not be saved; correct it first.</source>
        <translation>A typed value could not be saved; correct it first.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/inspection_controller.cpp" line="313"/>
        <source>%n item(s) still need an answer or a correction.</source>
        <translation>
            <numerusform>%n item still needs an answer or a correction.</numerusform>
            <numerusform>%n items still need an answer or a correction.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/inspection_controller.cpp" line="330"/>
        <location filename="../src/inspection_controller.cpp" line="340"/>
        <source>Not submitted: %1</source>
        <translation>Not submitted: %1</translation>
    </message>
</context>
<context>
    <name>anju::app::InspectionFindings</name>
    <message>
        <location filename="../src/inspection_findings.cpp" line="183"/>
        <source>%1: enter a number.</source>
        <translation>%1: enter a number.</translation>
    </message>
</context>
<context>
    <name>anju::app::InspectionJudgment</name>
    <message>
        <location filename="../src/inspection_judgment.cpp" line="83"/>
        <source>Choose the judgment you want to record.</source>
        <translation>Choose the judgment you want to record.</translation>
    </message>
</context>
<context>
    <name>anju::app::InspectionPhotos</name>
    <message>
        <location filename="../src/inspection_photos.cpp" line="72"/>
        <source>%1: a photo is required — add one to the finding “%2”.</source>
        <translation>%1: a photo is required — add one to the finding “%2”.</translation>
    </message>
    <message>
        <location filename="../src/inspection_photos.cpp" line="75"/>
        <source>%1: a photo is required — add one to the house&apos;s photos.</source>
        <translation>%1: a photo is required — add one to the house&apos;s photos.</translation>
    </message>
    <message>
        <location filename="../src/inspection_photos.cpp" line="134"/>
        <location filename="../src/inspection_photo_edits.cpp" line="118"/>
        <source>Photo not saved: %1</source>
        <translation>Photo not saved: %1</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="100"/>
        <location filename="../src/inspection_photo_edits.cpp" line="165"/>
        <source>This inspection was submitted: its photos are evidence and cannot be deleted.</source>
        <translation>This inspection was submitted: its photos are evidence and cannot be deleted.</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="102"/>
        <source>This inspection cannot be changed any more.</source>
        <translation>This inspection cannot be changed any more.</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="108"/>
        <source>This photo is not part of the inspection.</source>
        <translation>This photo is not part of the inspection.</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="143"/>
        <source>Unknown photo category “%1”.</source>
        <translation>Unknown photo category “%1”.</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="182"/>
        <source>Photo not deleted: %1</source>
        <translation>Photo not deleted: %1</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="210"/>
        <source>The photo&apos;s picture is not on this tablet, so it cannot be annotated.</source>
        <translation>The photo&apos;s picture is not on this tablet, so it cannot be annotated.</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="219"/>
        <source>The annotated picture could not be encoded.</source>
        <translation>The annotated picture could not be encoded.</translation>
    </message>
</context>
<context>
    <name>anju::app::OwnerNoticeController</name>
    <message>
        <location filename="../src/owner_notice_controller.cpp" line="209"/>
        <location filename="../src/owner_notice_controller.cpp" line="236"/>
        <source>This inspection cannot be changed any more.</source>
        <translation>This inspection cannot be changed any more.</translation>
    </message>
    <message>
        <location filename="../src/owner_notice_controller.cpp" line="214"/>
        <source>The signature pad is empty: ask the owner to sign, or record a refusal.</source>
        <translation>The signature pad is empty: ask the owner to sign, or record a refusal.</translation>
    </message>
    <message>
        <location filename="../src/owner_notice_controller.cpp" line="240"/>
        <source>Write down what happened when the owner refused to sign.</source>
        <translation>Write down what happened when the owner refused to sign.</translation>
    </message>
    <message>
        <location filename="../src/owner_notice_controller.cpp" line="269"/>
        <source>The notice PDF could not be read back.</source>
        <translation>The notice PDF could not be read back.</translation>
    </message>
</context>
<context>
    <name>anju::app::Session</name>
    <message>
        <location filename="../src/session.cpp" line="60"/>
        <source>Cannot open the database %1: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
</context>
<context>
    <name>anju::app::SyncController</name>
    <message>
        <location filename="../src/sync_controller.cpp" line="78"/>
        <source>Syncing is not set up on this tablet. Your changes are kept safely here.</source>
        <translation>Syncing is not set up on this tablet. Your changes are kept safely here.</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="79"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="79"/>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="80"/>
        <source>Sign in to sync.</source>
        <translation>Sign in to sync.</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="81"/>
        <source>Everything on this tablet has been sent.</source>
        <translation>Everything on this tablet has been sent.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/sync_controller.cpp" line="82"/>
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n change waiting to be sent.</numerusform>
            <numerusform>%n changes waiting to be sent.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="123"/>
        <source>%1 of %2 records received</source>
        <translation>%1 of %2 records received</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="126"/>
        <source>%1 of %2 records and photos</source>
        <translation>%1 of %2 records and photos</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/sync_controller.cpp" line="124"/>
        <source>%n record(s) received</source>
        <translation>
            <numerusform>%n record received</numerusform>
            <numerusform>%n records received</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="127"/>
        <source>%1 · %2 sent · %3 received</source>
        <translation>%1 · %2 sent · %3 received</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="143"/>
        <source>Enter the server address, your user name and your password.</source>
        <translation>Enter the server address, your user name and your password.</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="150"/>
        <source>Syncing is not set up on this tablet. You can keep inspecting; nothing is lost.</source>
        <translation>Syncing is not set up on this tablet. You can keep inspecting; nothing is lost.</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="164"/>
        <source>Syncing is not set up on this tablet.</source>
        <translation>Syncing is not set up on this tablet.</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="171"/>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
</context>
<context>
    <name>anju::app::SyncIssuesModel</name>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="56"/>
        <source>House · %1</source>
        <translation>House · %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="57"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="58"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="59"/>
        <source>Storeys above ground</source>
        <translation>Storeys above ground</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="60"/>
        <source>Structure</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="63"/>
        <source>Inspection · %1</source>
        <translation>Inspection · %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="71"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="72"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="73"/>
        <source>Judgment</source>
        <translation>Judgment</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="74"/>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="75"/>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="76"/>
        <source>Reviewer&apos;s comment</source>
        <translation>Reviewer&apos;s comment</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="79"/>
        <source>Photo · %1</source>
        <translation>Photo · %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="80"/>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="84"/>
        <source>Rectification · %1</source>
        <translation>Rectification · %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="85"/>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="86"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="87"/>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="88"/>
        <location filename="../src/sync_issues_model.cpp" line="94"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="111"/>
        <source>The server refused this change: %1</source>
        <translation>The server refused this change: %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="125"/>
        <source>Someone changed this on the server while your edits here were not sent yet. Your version is kept; the server&apos;s version is below.</source>
        <translation>Someone changed this on the server while your edits here were not sent yet. Your version is kept; the server&apos;s version is below.</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="127"/>
        <source>Someone changed this on the server before your change arrived. The server&apos;s version is now on this tablet; yours is below.</source>
        <translation>Someone changed this on the server before your change arrived. The server&apos;s version is now on this tablet; yours is below.</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="91"/>
        <source>Visit · %1</source>
        <translation>Visit · %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="92"/>
        <source>Visited</source>
        <translation>Visited</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="93"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>anju::app::VisitController</name>
    <message>
        <location filename="../src/visit_controller.cpp" line="75"/>
        <source>No house is open.</source>
        <translation>No house is open.</translation>
    </message>
    <message>
        <location filename="../src/visit_controller.cpp" line="81"/>
        <source>Unknown visit outcome: %1</source>
        <translation>Unknown visit outcome: %1</translation>
    </message>
    <message>
        <location filename="../src/visit_controller.cpp" line="96"/>
        <source>Visit not recorded: %1</source>
        <translation>Visit not recorded: %1</translation>
    </message>
</context>
</TS>

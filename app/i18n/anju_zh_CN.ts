<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnjuChecklistItem</name>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="62"/>
        <source>Last time: %1</source>
        <translation>上次：%1</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="83"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="92"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="139"/>
        <source>range %1–%2</source>
        <translation>范围 %1–%2</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="153"/>
        <source>Write here</source>
        <translation>在此填写</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="164"/>
        <source>Replace photo</source>
        <translation>更换照片</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="164"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="183"/>
        <source>Photo attached</source>
        <translation>已附照片</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="183"/>
        <source>No photo yet</source>
        <translation>尚无照片</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="184"/>
        <source>A photo is required for this answer</source>
        <translation>此答案需要拍照</translation>
    </message>
    <message>
        <location filename="../qml/AnjuChecklistItem.qml" line="191"/>
        <source>Hazard recorded — complete it under Findings</source>
        <translation>已记录隐患，请在“隐患”中补充</translation>
    </message>
</context>
<context>
    <name>AnjuFindingCard</name>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="66"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="77"/>
        <source>Crack has grown since the last inspection</source>
        <translation>裂缝较上次排查已扩展</translation>
    </message>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="93"/>
        <source>Component</source>
        <translation>构件</translation>
    </message>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="104"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="110"/>
        <source>e.g. north load-bearing wall, ground floor</source>
        <translation>如：一层北侧承重墙</translation>
    </message>
    <message>
        <location filename="../qml/AnjuFindingCard.qml" line="144"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AnjuFindingCard.qml" line="164"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnjuJudgmentBadge</name>
    <message>
        <location filename="../qml/AnjuJudgmentBadge.qml" line="20"/>
        <source>Not judged</source>
        <translation>未判定</translation>
    </message>
</context>
<context>
    <name>AnjuPlatformFields</name>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="17"/>
        <source>National platform</source>
        <translation>全国平台信息</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="22"/>
        <source>Business type</source>
        <translation>业态</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="36"/>
        <source>Land type</source>
        <translation>土地性质</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="49"/>
        <source>Permits</source>
        <translation>许可证照</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="87"/>
        <source>Geo-hazards</source>
        <translation>地质灾害</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="98"/>
        <source>Fire hazards</source>
        <translation>消防隐患</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="109"/>
        <source>Platform house no.</source>
        <translation>自建房编号</translation>
    </message>
    <message>
        <location filename="../qml/AnjuPlatformFields.qml" line="121"/>
        <source>Census house no.</source>
        <translation>普查房屋编号</translation>
    </message>
</context>
<context>
    <name>AnjuSignaturePad</name>
    <message>
        <location filename="../qml/AnjuSignaturePad.qml" line="32"/>
        <source>Owner signs here</source>
        <translation>请产权人在此签字</translation>
    </message>
</context>
<context>
    <name>AnjuVisitPanel</name>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="25"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="32"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="32"/>
        <source>Record visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="48"/>
        <source>Note (optional), e.g. neighbour says owner is back on Sunday</source>
        <translation>备注（可选），如：邻居说户主周日回来</translation>
    </message>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="86"/>
        <source>No visit recorded yet.</source>
        <translation>尚无走访记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AnjuVisitPanel.qml" line="87"/>
        <source>%n visit(s); last: %1</source>
        <translation>
            <numerusform>共走访 %n 次，最近一次：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/AnjuVisitPanel.qml" line="96"/>
        <source>To revisit by %1</source>
        <translation>待回访，请于 %1 前再次上门</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../qml/CameraPage.qml" line="15"/>
        <source>Photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="50"/>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="51"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="86"/>
        <source>No camera found on this device</source>
        <translation>本机未找到摄像头</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="94"/>
        <source>Choose a picture taken earlier. It is resized and kept with the inspection like a camera photo.</source>
        <translation>请选择之前拍摄的照片，它会像相机照片一样缩放后保存到本次排查。</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="102"/>
        <source>Choose from files</source>
        <translation>从文件中选择</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="116"/>
        <source>Position: %1</source>
        <translation>位置：%1</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="117"/>
        <source>No position available: the photo is kept without a location.</source>
        <translation>暂无定位：照片将不带位置信息保存。</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="123"/>
        <source>From files</source>
        <translation>从文件选择</translation>
    </message>
    <message>
        <location filename="../qml/CameraPage.qml" line="129"/>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
</context>
<context>
    <name>HouseMapModel</name>
    <message>
        <location filename="../src/house_map_model.cpp" line="31"/>
        <source>Not visited</source>
        <translation>未走访</translation>
    </message>
</context>
<context>
    <name>HousePage</name>
    <message>
        <location filename="../qml/HousePage.qml" line="25"/>
        <source>House</source>
        <translation>房屋</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="81"/>
        <source>Owner</source>
        <translation>产权人</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="90"/>
        <source>Contact</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="100"/>
        <source>Year built</source>
        <translation>建成年份</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="111"/>
        <source>Storeys above ground</source>
        <translation>地上层数</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="121"/>
        <source>Storeys below ground</source>
        <translation>地下层数</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="131"/>
        <source>Floor area (m²)</source>
        <translation>建筑面积（m²）</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="141"/>
        <source>Structure</source>
        <translation>结构类型</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="153"/>
        <source>Use</source>
        <translation>房屋用途</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="165"/>
        <source>Design</source>
        <translation>设计情况</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="177"/>
        <source>Alterations</source>
        <translation>改扩建</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="214"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="218"/>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="226"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="252"/>
        <source>Continue inspection</source>
        <translation>继续排查</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="252"/>
        <source>Start inspection</source>
        <translation>开始排查</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="263"/>
        <source>Inspection history</source>
        <translation>排查记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HousePage.qml" line="299"/>
        <source>%1 · %2 · %n finding(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n 处隐患</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="301"/>
        <source> · judgment overridden</source>
        <translation> · 已修改判定</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="309"/>
        <source>Reviewer: %1</source>
        <translation>审核意见：%1</translation>
    </message>
    <message>
        <location filename="../qml/HousePage.qml" line="320"/>
        <source>Not inspected yet.</source>
        <translation>尚未排查。</translation>
    </message>
</context>
<context>
    <name>HousesPage</name>
    <message>
        <location filename="../qml/HousesPage.qml" line="11"/>
        <source>My houses</source>
        <translation>我的房屋</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="114"/>
        <source>Assigned to me (%1)</source>
        <translation>分派给我（%1）</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="154"/>
        <source>Due date: %1 · handed in</source>
        <translation>截止日期：%1 · 已提交</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="155"/>
        <source>Due date: %1</source>
        <translation>截止日期：%1</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="48"/>
        <source>Returned by the reviewer (%1) — please redo</source>
        <translation>审核退回（%1）— 请重新排查</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="87"/>
        <source>Reviewer: %1</source>
        <translation>审核意见：%1</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="88"/>
        <source>Returned without a comment</source>
        <translation>退回（无审核意见）</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="173"/>
        <source>Search by address, street or community</source>
        <translation>按地址、街道或社区搜索</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="190"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="191"/>
        <source>Not visited</source>
        <translation>未排查</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="193"/>
        <source>In progress</source>
        <translation>排查中</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="194"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="195"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="196"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="208"/>
        <source>All judgments</source>
        <translation>全部判定</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="209"/>
        <source>Serious hazard</source>
        <translation>存在严重安全隐患</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="210"/>
        <source>Some hazard</source>
        <translation>存在一定安全隐患</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="211"/>
        <source>No hazard found</source>
        <translation>未发现安全隐患</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HousesPage.qml" line="219"/>
        <source>%n house(s) found</source>
        <translation>
            <numerusform>找到 %n 户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HousesPage.qml" line="220"/>
        <source>%n house(s)</source>
        <translation>
            <numerusform>共 %n 户</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="299"/>
        <source>Last inspected %1</source>
        <translation>最近排查 %1</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="300"/>
        <source>Never inspected</source>
        <translation>从未排查</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="338"/>
        <source>No house matches the search.</source>
        <translation>没有符合条件的房屋。</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="339"/>
        <source>No houses.</source>
        <translation>没有房屋。</translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="192"/>
        <source>To revisit</source>
        <translation>待回访</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HousesPage.qml" line="302"/>
        <source> · %n visit(s), last: %1</source>
        <translation>
            <numerusform> · 走访 %n 次，最近：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/HousesPage.qml" line="312"/>
        <source>Revisit due %1</source>
        <translation>回访日期 %1</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <location filename="../qml/InspectionPage.qml" line="15"/>
        <source>Inspection · %1</source>
        <translation>排查 · %1</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="15"/>
        <source>Inspection</source>
        <translation>排查</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="65"/>
        <source>Findings (%1)</source>
        <translation>隐患（%1）</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="92"/>
        <source>Findings</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="98"/>
        <source>Draft saved %1</source>
        <translation>草稿已保存 %1</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="107"/>
        <source>All normal in this section</source>
        <translation>本节全部正常</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="121"/>
        <source>Compared with the inspection of %1: its answers are shown under each question.</source>
        <translation>对照 %1 的排查：每项下方显示上次的回答。</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="130"/>
        <source>Returned by the reviewer: %1</source>
        <translation>审核退回：%1</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="170"/>
        <source>Add a finding:</source>
        <translation>添加隐患：</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="188"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="204"/>
        <source>All photos (%1)</source>
        <translation>全部照片（%1）</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="228"/>
        <source>No findings. Hazard answers in the checklist add them here.</source>
        <translation>暂无隐患。排查表中指示隐患的回答会自动添加到这里。</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="237"/>
        <source>Previous</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="248"/>
        <source>Section %1 of %2</source>
        <translation>第 %1 / %2 部分</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="255"/>
        <source>To the judgment</source>
        <translation>去判定</translation>
    </message>
    <message>
        <location filename="../qml/InspectionPage.qml" line="255"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>JudgmentPage</name>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="150"/>
        <source>Owner notice</source>
        <translation>隐患告知书</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="14"/>
        <source>Preliminary judgment</source>
        <translation>初步判定</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="47"/>
        <source>Computed judgment</source>
        <translation>系统判定</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="57"/>
        <source>Advice: %1</source>
        <translation>处置建议：%1</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="65"/>
        <source>Why</source>
        <translation>判定依据</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="87"/>
        <source>Override (only with a written reason)</source>
        <translation>修改判定（须填写理由）</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="103"/>
        <source>Keep the computed judgment</source>
        <translation>保持系统判定</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="110"/>
        <source>Reason for the override</source>
        <translation>修改理由</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="118"/>
        <source>Apply override</source>
        <translation>修改判定</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="124"/>
        <source>Remove override</source>
        <translation>取消修改</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="138"/>
        <source>Judgment that counts:</source>
        <translation>最终判定：</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="173"/>
        <source>Submitted. It will be sent at the next sync.</source>
        <translation>已提交，将在下次同步时上传。</translation>
    </message>
    <message>
        <location filename="../qml/JudgmentPage.qml" line="180"/>
        <source>Submit inspection</source>
        <translation>提交排查</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="20"/>
        <source>Anju — house safety inspection</source>
        <translation>安居 — 房屋安全排查</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="57"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="68"/>
        <source>Inspector: %1</source>
        <translation>排查人：%1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="86"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="146"/>
        <source>North wall, vertical crack above the door</source>
        <translation>北墙门洞上方竖向裂缝</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="157"/>
        <source>Crack 1.5 mm</source>
        <translation>裂缝 1.5 mm</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="79"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../qml/MapPage.qml" line="12"/>
        <source>Map of my houses</source>
        <translation>我的房屋地图</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="136"/>
        <source>Nearest not yet visited</source>
        <translation>最近的未走访房屋</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="142"/>
        <source>My position</source>
        <translation>我的位置</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="149"/>
        <source>All houses</source>
        <translation>全部房屋</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="242"/>
        <source>Serious hazard</source>
        <translation>存在严重安全隐患</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="245"/>
        <source>Some hazard</source>
        <translation>存在一定安全隐患</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="248"/>
        <source>No hazard found</source>
        <translation>未发现安全隐患</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="251"/>
        <source>Inspection in progress</source>
        <translation>排查中</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="254"/>
        <source>Knocked, not inspected (revisit)</source>
        <translation>已上门未排查（需再访）</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="257"/>
        <source>Not visited</source>
        <translation>未走访</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="276"/>
        <source>Hollow: still to visit · dashed: community outline · blue target: my position</source>
        <translation>空心：待走访 · 虚线：社区范围 · 蓝色靶心：我的位置</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="281"/>
        <source>Basemap: %1</source>
        <translation>底图：%1</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="281"/>
        <source>No basemap: houses and outlines only</source>
        <translation>无底图：仅显示房屋和社区范围</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="286"/>
        <source>My position: %1, %2</source>
        <translation>我的位置：%1, %2</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="286"/>
        <source>No GPS fix yet</source>
        <translation>尚未定位</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="210"/>
        <source>Owner: %1  %2</source>
        <translation>产权人：%1  %2</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="216"/>
        <source>Open house</source>
        <translation>打开房屋</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="222"/>
        <source>Call owner</source>
        <translation>拨打电话</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="227"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="304"/>
        <source>Nearest first (%1 houses)</source>
        <translation>由近到远（%1 户）</translation>
    </message>
    <message>
        <location filename="../qml/MapPage.qml" line="304"/>
        <source>%1 houses (no GPS fix: list order)</source>
        <translation>%1 户（未定位：按列表顺序）</translation>
    </message>
</context>
<context>
    <name>OwnerNoticeDocument</name>
    <message>
        <location filename="../src/owner_notice_document.cpp" line="190"/>
        <source>The notice font is missing.</source>
        <translation>找不到告知书字体。</translation>
    </message>
    <message>
        <location filename="../src/owner_notice_document.cpp" line="203"/>
        <source>Cannot write the notice: %1</source>
        <translation>无法写入告知书：%1</translation>
    </message>
    <message>
        <location filename="../src/owner_notice_document.cpp" line="211"/>
        <source>The notice file is empty: %1</source>
        <translation>告知书文件为空：%1</translation>
    </message>
</context>
<context>
    <name>OwnerNoticePage</name>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="13"/>
        <source>Owner notice</source>
        <translation>隐患告知书</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="36"/>
        <source>Notice No. %1</source>
        <translation>告知书编号 %1</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="43"/>
        <source>Signed by the owner</source>
        <translation>产权人已签字</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="44"/>
        <source>Owner refused to sign</source>
        <translation>产权人拒绝签字</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="45"/>
        <source>Not signed yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="66"/>
        <source>Owner&apos;s signature</source>
        <translation>产权人签字</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="76"/>
        <source>Confirm signature</source>
        <translation>确认签字</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="82"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="87"/>
        <source>If the owner refuses to sign</source>
        <translation>产权人拒绝签字时</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="92"/>
        <source>What happened (who refused, why)</source>
        <translation>说明情况（何人拒签、原因）</translation>
    </message>
    <message>
        <location filename="../qml/OwnerNoticePage.qml" line="98"/>
        <source>Record refusal</source>
        <translation>记录拒签</translation>
    </message>
</context>
<context>
    <name>PhotoAnnotation</name>
    <message>
        <location filename="../src/photo_annotation.cpp" line="45"/>
        <source>Draw an arrow, a circle or a text first.</source>
        <translation>请先画箭头、圆圈或写文字。</translation>
    </message>
    <message>
        <location filename="../src/photo_annotation.cpp" line="59"/>
        <source>Unknown drawing tool “%1”.</source>
        <translation>未知的标注工具“%1”。</translation>
    </message>
    <message>
        <location filename="../src/photo_annotation.cpp" line="68"/>
        <source>A drawing lies outside the photo.</source>
        <translation>有标注超出了照片范围。</translation>
    </message>
    <message>
        <location filename="../src/photo_annotation.cpp" line="72"/>
        <source>A text label has no text.</source>
        <translation>文字标注没有内容。</translation>
    </message>
    <message>
        <location filename="../src/photo_annotation.cpp" line="76"/>
        <source>An arrow or circle has no size.</source>
        <translation>箭头或圆圈没有大小。</translation>
    </message>
</context>
<context>
    <name>PhotoAnnotationPage</name>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="20"/>
        <source>Annotate photo</source>
        <translation>标注照片</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="48"/>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="54"/>
        <source>Circle</source>
        <translation>圆圈</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="60"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="69"/>
        <source>Text, then tap the photo where it goes</source>
        <translation>输入文字，再点照片上要放的位置</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="74"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="80"/>
        <source>Save as a copy</source>
        <translation>另存为副本</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="92"/>
        <source>Drag from where the arrow starts to what it points at.</source>
        <translation>从箭头起点拖到所指之处。</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="93"/>
        <source>Drag from the centre outwards to circle something.</source>
        <translation>从圆心向外拖动，圈出部位。</translation>
    </message>
    <message>
        <location filename="../qml/PhotoAnnotationPage.qml" line="94"/>
        <source>Type the text above, then tap the photo where it goes.</source>
        <translation>在上方输入文字，再点照片上要放的位置。</translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message>
        <location filename="../src/photo_import.cpp" line="19"/>
        <source>Cannot read the picture %1: %2</source>
        <translation>无法读取图片 %1：%2</translation>
    </message>
    <message>
        <location filename="../src/photo_import.cpp" line="30"/>
        <location filename="../src/photo_import.cpp" line="39"/>
        <source>Cannot convert the picture to JPEG.</source>
        <translation>无法将图片转换为 JPEG。</translation>
    </message>
</context>
<context>
    <name>PhotoPage</name>
    <message>
        <location filename="../qml/PhotoPage.qml" line="26"/>
        <source>Annotated copy</source>
        <translation>标注副本</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="26"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="77"/>
        <source>The picture is not on this tablet.</source>
        <translation>本平板上没有这张照片的图像。</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="96"/>
        <source>Annotated copy: the original photo is kept unchanged.</source>
        <translation>标注副本：原始照片保持不变，一并保存。</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="100"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="110"/>
        <source>Not chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="113"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="119"/>
        <source>What the photo shows, e.g. north wall, crack above the window</source>
        <translation>照片内容，如：北墙窗上方裂缝</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="125"/>
        <source>Taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="132"/>
        <source>SHA-256 %1…</source>
        <translation>SHA-256 %1…</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="140"/>
        <source>Show the original</source>
        <translation>查看原始照片</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="149"/>
        <source>Annotated copy %1</source>
        <translation>标注副本 %1</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="157"/>
        <source>Annotate (on a copy)</source>
        <translation>标注（另存副本）</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="165"/>
        <source>This inspection was submitted before: its photos are evidence and cannot be deleted.</source>
        <translation>本次排查已提交过，照片是证据，不能删除。</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="174"/>
        <source>Delete photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="184"/>
        <source>Delete this photo and its annotated copies?</source>
        <translation>删除这张照片及其标注副本？</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="184"/>
        <source>Delete this photo?</source>
        <translation>删除这张照片？</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="188"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../qml/PhotoPage.qml" line="193"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="11"/>
        <location filename="../qml/SignInPage.qml" line="80"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="33"/>
        <source>安居 · Anju</source>
        <translation>安居</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="39"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="49"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="58"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="87"/>
        <source>The password is not stored on this tablet. After signing in, you can keep working offline for days; changes are sent at the next sync.</source>
        <translation>密码不会保存在本机。登录后可离线工作多日，修改将在下次同步时上传。</translation>
    </message>
</context>
<context>
    <name>SyncIssuesPage</name>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="11"/>
        <source>Refused changes and conflicts</source>
        <translation>被拒绝的修改和冲突</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="27"/>
        <source>Open a house to correct what was refused; the correction is sent at the next sync. Dismiss a row once you have dealt with it.</source>
        <translation>打开房屋更正被拒绝的内容，更正将在下次同步时上传。处理完毕后可将该条移除。</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="77"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="77"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="99"/>
        <source>The version that was not kept:</source>
        <translation>未被采用的版本：</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="115"/>
        <source>Open to fix</source>
        <translation>打开更正</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="124"/>
        <source>Use my version again</source>
        <translation>重新采用我的版本</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="130"/>
        <source>Dismiss</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../qml/SyncIssuesPage.qml" line="139"/>
        <source>Nothing was refused and there are no conflicts.</source>
        <translation>没有被拒绝的修改，也没有冲突。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../qml/SyncPage.qml" line="10"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="44"/>
        <source>changes waiting to be sent</source>
        <translation>条修改待上传</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="55"/>
        <source>photos to upload (%1)</source>
        <translation>张照片待上传（%1）</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="56"/>
        <source>photos to upload</source>
        <translation>张照片待上传</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="68"/>
        <source>refused or in conflict</source>
        <translation>条被拒绝或冲突</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="72"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="73"/>
        <source>Last sync: never</source>
        <translation>上次同步：从未同步</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="78"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/SyncPage.qml" line="108"/>
        <source>%n refused change(s) or conflict(s) — look and fix</source>
        <translation>
            <numerusform>%n 条被拒绝的修改或冲突 — 查看并处理</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="115"/>
        <source>Signing out keeps everything on this tablet: houses, drafts, photos and unsent changes. They are sent after the next sign-in.</source>
        <translation>退出登录不会删除本机任何数据：房屋、草稿、照片和未上传的修改都会保留，下次登录后上传。</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="126"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="133"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="142"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../qml/SyncPage.qml" line="148"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
</context>
<context>
    <name>anju::app::CoreSyncService</name>
    <message>
        <location filename="../src/core_sync_service.cpp" line="110"/>
        <source>Please wait until the sync or sign-in under way has finished.</source>
        <translation>请等待正在进行的同步或登录完成。</translation>
    </message>
    <message>
        <location filename="../src/core_sync_service.cpp" line="182"/>
        <source>Sync stopped. What was sent or received so far is kept; the next sync carries on from there.</source>
        <translation>同步已停止。已上传或下载的内容都已保存，下次同步从这里继续。</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/core_sync_service.cpp" line="190"/>
        <source>%n photo(s) could not be sent and stay queued: %1</source>
        <translation>
            <numerusform>%n 张照片未能上传，仍在排队：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anju::app::HouseController</name>
    <message>
        <location filename="../src/house_controller.cpp" line="251"/>
        <source>Please correct the marked fields.</source>
        <translation>请更正标出的字段。</translation>
    </message>
    <message>
        <location filename="../src/house_controller.cpp" line="306"/>
        <source>None / not recorded</source>
        <translation>无 / 未填写</translation>
    </message>
    <message>
        <location filename="../src/house_controller.cpp" line="313"/>
        <source>Not recorded</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../src/house_controller.cpp" line="324"/>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
</context>
<context>
    <name>anju::app::HouseListModel</name>
    <message>
        <location filename="../src/house_list_model.cpp" line="248"/>
        <source>Not visited</source>
        <translation>未排查</translation>
    </message>
    <message>
        <location filename="../src/house_list_model.cpp" line="251"/>
        <source>In progress</source>
        <translation>排查中</translation>
    </message>
    <message>
        <location filename="../src/house_list_model.cpp" line="253"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../src/house_list_model.cpp" line="255"/>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../src/house_list_model.cpp" line="257"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
</context>
<context>
    <name>anju::app::InspectionController</name>
    <message>
        <location filename="../src/inspection_controller.cpp" line="127"/>
        <source>Sign in first: an inspection records who made it.</source>
        <translation>请先登录：排查记录需要写明排查人。</translation>
    </message>
    <message>
        <location filename="../src/inspection_controller.cpp" line="175"/>
        <location filename="../src/inspection_controller_typing.cpp" line="50"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../src/inspection_controller.cpp" line="252"/>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <location filename="../src/inspection_controller.cpp" line="293"/>
        <location filename="../src/inspection_controller.cpp" line="359"/>
        <source>This inspection cannot be changed any more.</source>
        <translation>此排查记录已不能修改。</translation>
    </message>
    <message>
        <location filename="../src/inspection_controller.cpp" line="297"/>
        <source>A typed value could not be saved; correct it first.</source>
        <translation>有输入的内容未能保存，请先更正。</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/inspection_controller.cpp" line="313"/>
        <source>%n item(s) still need an answer or a correction.</source>
        <translation>
            <numerusform>还有 %n 项需要回答或更正。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/inspection_controller.cpp" line="330"/>
        <location filename="../src/inspection_controller.cpp" line="340"/>
        <source>Not submitted: %1</source>
        <translation>未提交：%1</translation>
    </message>
</context>
<context>
    <name>anju::app::InspectionFindings</name>
    <message>
        <location filename="../src/inspection_findings.cpp" line="183"/>
        <source>%1: enter a number.</source>
        <translation>%1：请输入数字。</translation>
    </message>
</context>
<context>
    <name>anju::app::InspectionJudgment</name>
    <message>
        <location filename="../src/inspection_judgment.cpp" line="83"/>
        <source>Choose the judgment you want to record.</source>
        <translation>请选择要记录的判定。</translation>
    </message>
</context>
<context>
    <name>anju::app::InspectionPhotos</name>
    <message>
        <location filename="../src/inspection_photos.cpp" line="72"/>
        <source>%1: a photo is required — add one to the finding “%2”.</source>
        <translation>%1：需要照片 — 请在隐患“%2”中添加照片。</translation>
    </message>
    <message>
        <location filename="../src/inspection_photos.cpp" line="75"/>
        <source>%1: a photo is required — add one to the house&apos;s photos.</source>
        <translation>%1：需要照片 — 请添加房屋照片。</translation>
    </message>
    <message>
        <location filename="../src/inspection_photos.cpp" line="134"/>
        <location filename="../src/inspection_photo_edits.cpp" line="118"/>
        <source>Photo not saved: %1</source>
        <translation>照片未保存：%1</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="100"/>
        <location filename="../src/inspection_photo_edits.cpp" line="165"/>
        <source>This inspection was submitted: its photos are evidence and cannot be deleted.</source>
        <translation>本次排查已提交，照片是证据，不能删除。</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="102"/>
        <source>This inspection cannot be changed any more.</source>
        <translation>本次排查已不能再修改。</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="108"/>
        <source>This photo is not part of the inspection.</source>
        <translation>这张照片不属于本次排查。</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="143"/>
        <source>Unknown photo category “%1”.</source>
        <translation>未知的照片分类“%1”。</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="182"/>
        <source>Photo not deleted: %1</source>
        <translation>照片未删除：%1</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="210"/>
        <source>The photo&apos;s picture is not on this tablet, so it cannot be annotated.</source>
        <translation>本平板上没有这张照片的图像，无法标注。</translation>
    </message>
    <message>
        <location filename="../src/inspection_photo_edits.cpp" line="219"/>
        <source>The annotated picture could not be encoded.</source>
        <translation>标注后的图片无法编码保存。</translation>
    </message>
</context>
<context>
    <name>anju::app::OwnerNoticeController</name>
    <message>
        <location filename="../src/owner_notice_controller.cpp" line="209"/>
        <location filename="../src/owner_notice_controller.cpp" line="236"/>
        <source>This inspection cannot be changed any more.</source>
        <translation>此排查记录已不能修改。</translation>
    </message>
    <message>
        <location filename="../src/owner_notice_controller.cpp" line="214"/>
        <source>The signature pad is empty: ask the owner to sign, or record a refusal.</source>
        <translation>签字板为空：请产权人签字，或记录拒签。</translation>
    </message>
    <message>
        <location filename="../src/owner_notice_controller.cpp" line="240"/>
        <source>Write down what happened when the owner refused to sign.</source>
        <translation>请写明产权人拒绝签字的情况。</translation>
    </message>
    <message>
        <location filename="../src/owner_notice_controller.cpp" line="269"/>
        <source>The notice PDF could not be read back.</source>
        <translation>无法读取告知书 PDF。</translation>
    </message>
</context>
<context>
    <name>anju::app::Session</name>
    <message>
        <location filename="../src/session.cpp" line="60"/>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
</context>
<context>
    <name>anju::app::SyncController</name>
    <message>
        <location filename="../src/sync_controller.cpp" line="78"/>
        <source>Syncing is not set up on this tablet. Your changes are kept safely here.</source>
        <translation>本机尚未设置同步。您的修改已安全保存在本机。</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="79"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="79"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="80"/>
        <source>Sign in to sync.</source>
        <translation>登录后即可同步。</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="81"/>
        <source>Everything on this tablet has been sent.</source>
        <translation>本机的修改已全部上传。</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/sync_controller.cpp" line="82"/>
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n 条修改待上传。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="123"/>
        <source>%1 of %2 records received</source>
        <translation>已收到记录 %1 / %2</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="126"/>
        <source>%1 of %2 records and photos</source>
        <translation>记录和照片 %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/sync_controller.cpp" line="124"/>
        <source>%n record(s) received</source>
        <translation>
            <numerusform>已接收 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="127"/>
        <source>%1 · %2 sent · %3 received</source>
        <translation>%1 · 已发送 %2 · 已接收 %3</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="143"/>
        <source>Enter the server address, your user name and your password.</source>
        <translation>请输入服务器地址、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="150"/>
        <source>Syncing is not set up on this tablet. You can keep inspecting; nothing is lost.</source>
        <translation>本机尚未设置同步。您可以继续排查，数据不会丢失。</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="164"/>
        <source>Syncing is not set up on this tablet.</source>
        <translation>本机尚未设置同步。</translation>
    </message>
    <message>
        <location filename="../src/sync_controller.cpp" line="171"/>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
</context>
<context>
    <name>anju::app::SyncIssuesModel</name>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="56"/>
        <source>House · %1</source>
        <translation>房屋 · %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="57"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="58"/>
        <source>Owner</source>
        <translation>产权人</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="59"/>
        <source>Storeys above ground</source>
        <translation>地上层数</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="60"/>
        <source>Structure</source>
        <translation>结构类型</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="63"/>
        <source>Inspection · %1</source>
        <translation>排查 · %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="71"/>
        <source>Inspector</source>
        <translation>排查人</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="72"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="73"/>
        <source>Judgment</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="74"/>
        <source>Answers</source>
        <translation>已答题数</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="75"/>
        <source>Findings</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="76"/>
        <source>Reviewer&apos;s comment</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="79"/>
        <source>Photo · %1</source>
        <translation>照片 · %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="80"/>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="84"/>
        <source>Rectification · %1</source>
        <translation>整治 · %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="85"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="86"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="87"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="88"/>
        <location filename="../src/sync_issues_model.cpp" line="94"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="111"/>
        <source>The server refused this change: %1</source>
        <translation>服务器拒绝了这项修改：%1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="125"/>
        <source>Someone changed this on the server while your edits here were not sent yet. Your version is kept; the server&apos;s version is below.</source>
        <translation>您在本机的修改尚未上传时，服务器上已有人修改了这条记录。本机保留您的版本，服务器的版本如下。</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="127"/>
        <source>Someone changed this on the server before your change arrived. The server&apos;s version is now on this tablet; yours is below.</source>
        <translation>您的修改到达前，服务器上已有人修改了这条记录。本机现采用服务器的版本，您的版本如下。</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="91"/>
        <source>Visit · %1</source>
        <translation>走访 · %1</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="92"/>
        <source>Visited</source>
        <translation>走访时间</translation>
    </message>
    <message>
        <location filename="../src/sync_issues_model.cpp" line="93"/>
        <source>Outcome</source>
        <translation>走访结果</translation>
    </message>
</context>
<context>
    <name>anju::app::VisitController</name>
    <message>
        <location filename="../src/visit_controller.cpp" line="75"/>
        <source>No house is open.</source>
        <translation>未打开房屋。</translation>
    </message>
    <message>
        <location filename="../src/visit_controller.cpp" line="81"/>
        <source>Unknown visit outcome: %1</source>
        <translation>未知的走访结果：%1</translation>
    </message>
    <message>
        <location filename="../src/visit_controller.cpp" line="96"/>
        <source>Visit not recorded: %1</source>
        <translation>走访未记录：%1</translation>
    </message>
</context>
</TS>

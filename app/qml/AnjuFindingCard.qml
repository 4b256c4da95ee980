import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// One finding (隐患): what, where, how big, photos. Edits go to the controller, which saves.
Rectangle {
    id: card

    required property int index
    required property string component
    required property string hazard
    required property string hazardLabel
    required property string location
    required property string severity
    required property string severityLabel
    required property string note
    required property var measurements
    required property int photoCount
    required property var thumbnails
    required property var thumbnailIds
    required property string crackHistory
    required property bool crackGrowing

    property InspectionController controller
    signal photoRequested(int findingRow)
    signal photoOpened(string photoId)

    width: ListView.view ? ListView.view.width : 600
    height: column.implicitHeight + 24
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.divider

    Rectangle {
        width: 6
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        radius: 3
        color: card.severity === "serious" ? Theme.serious : card.severity === "some" ? Theme.some : Theme.none
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        anchors.leftMargin: 20
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: card.hazardLabel
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            Label {
                text: card.severityLabel
                color: card.severity === "serious" ? Theme.serious : card.severity === "some" ? Theme.some : Theme.none
            }
            Item { Layout.fillWidth: true }
            AnjuButton {
                text: qsTr("Remove")
                flat: true
                implicitHeight: Theme.touch
                enabled: card.controller && card.controller.editable
                onClicked: card.controller.findings.remove(card.index)
            }
        }
        // The same crack at the house's earlier inspections (crack monitoring, 常态化巡查).
        Label {
            objectName: "crackGrowing_" + card.index
            visible: card.crackGrowing
            text: qsTr("Crack has grown since the last inspection")
            color: Theme.serious
            font.bold: true
        }
        Label {
            objectName: "crackHistory_" + card.index
            Layout.fillWidth: true
            visible: card.crackHistory !== ""
            text: card.crackHistory
            color: card.crackGrowing ? Theme.serious : Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label { text: qsTr("Component"); color: Theme.textSecondary }
            ComboBox {
                Layout.preferredWidth: 220
                implicitHeight: Theme.touch
                textRole: "label"
                valueRole: "code"
                model: card.controller ? card.controller.findings.componentOptions : []
                currentIndex: Theme.indexOfCode(card.controller ? card.controller.findings.componentOptions : [], card.component)
                enabled: card.controller && card.controller.editable
                onActivated: card.controller.findings.setField(card.index, "component", currentValue)
            }
            Label { text: qsTr("Location"); color: Theme.textSecondary }
            TextField {
                objectName: "location_" + card.index
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                text: card.location
                placeholderText: qsTr("e.g. north load-bearing wall, ground floor")
                enabled: card.controller && card.controller.editable
                // Every keystroke is journalled; the record follows after a short pause.
                onTextChanged: if (activeFocus) card.controller.findings.typeText(card.index, "location", text)
                onEditingFinished: card.controller.flushTyping()
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: card.measurements
                RowLayout {
                    required property var modelData
                    spacing: 4
                    Label { text: modelData.label; color: Theme.textSecondary }
                    TextField {
                        objectName: "measure_" + card.index + "_" + modelData.name
                        Layout.preferredWidth: 90
                        implicitHeight: Theme.touch
                        text: modelData.value
                        inputMethodHints: Qt.ImhFormattedNumbersOnly
                        enabled: card.controller && card.controller.editable
                        onTextChanged: if (activeFocus)
                                           card.controller.findings.typeText(card.index, "measure:" + modelData.name, text)
                        onEditingFinished: card.controller.flushTyping()
                    }
                    Label { text: modelData.unit }
                }
            }
        }
        RowLayout {
            spacing: Theme.spacing
            AnjuButton {
                text: qsTr("Add photo")
                implicitHeight: Theme.touch
                enabled: card.controller && card.controller.editable
                onClicked: card.photoRequested(card.index)
            }
            Repeater {
                model: card.thumbnails
                Image {
                    required property string modelData
                    required property int index
                    objectName: "thumbnail"
                    source: modelData
                    Layout.preferredWidth: 64
                    Layout.preferredHeight: 48
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                    TapHandler { onTapped: card.photoOpened(card.thumbnailIds[parent.index]) }
                }
            }
            Label {
                text: qsTr("%n photo(s)", "", card.photoCount)
                color: Theme.textSecondary
            }
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// One checklist question, drawn by its type. It only shows the answer the controller holds and
// hands changes to it (which validates and saves); `photoRequested` asks the page for a file,
// `photoOpened` for the full-size view of the photo a photo item holds.
Rectangle {
    id: item

    required property int index
    required property string itemId
    required property string type
    required property string label
    required property string help
    required property bool required
    required property bool photoRequired
    required property var options
    required property string unit
    required property var minValue
    required property var maxValue
    required property bool answered
    required property var answer
    required property string answerText
    required property string error
    required property bool triggersFinding
    required property bool needsPhoto
    required property string previousAnswer
    required property bool previousDiffers

    property InspectionController controller
    signal photoRequested(string itemId)
    signal photoOpened(string photoId)

    width: ListView.view ? ListView.view.width : 600
    height: column.implicitHeight + 24
    color: Theme.surface
    radius: Theme.radius
    border.color: item.error !== "" ? Theme.error : Theme.divider

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        spacing: 6

        Label {
            Layout.fillWidth: true
            text: item.label + (item.required ? " *" : "")
            font.pixelSize: Theme.fontLarge
            wrapMode: Text.Wrap
            color: Theme.text
        }
        // A re-inspection: what the house's previous inspection answered, marked when it differs.
        Label {
            objectName: "previous_" + item.itemId
            Layout.fillWidth: true
            visible: item.previousAnswer !== ""
            text: qsTr("Last time: %1").arg(item.previousAnswer)
                  + (item.previousDiffers ? "  ●" : "")
            font.pixelSize: Theme.fontSmall
            color: item.previousDiffers ? Theme.some : Theme.textSecondary
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: item.help !== ""
            text: item.help
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
            wrapMode: Text.Wrap
        }

        // yes / no
        RowLayout {
            visible: item.type === "yes_no"
            spacing: Theme.spacing
            AnjuChoiceButton {
                objectName: "yes_" + item.itemId
                text: qsTr("Yes")
                selected: item.answered && item.answer === true
                implicitWidth: 120
                implicitHeight: Theme.touch
                enabled: item.controller && item.controller.editable
                onClicked: item.controller.setAnswer(item.itemId, true)
            }
            AnjuChoiceButton {
                objectName: "no_" + item.itemId
                text: qsTr("No")
                selected: item.answered && item.answer === false
                implicitWidth: 120
                implicitHeight: Theme.touch
                enabled: item.controller && item.controller.editable
                onClicked: item.controller.setAnswer(item.itemId, false)
            }
        }

        // choice
        Flow {
            visible: item.type === "choice"
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: item.type === "choice" ? item.options : []
                AnjuChoiceButton {
                    required property var modelData
                    objectName: "choice_" + item.itemId + "_" + modelData.id
                    text: modelData.label
                    selected: item.answered && item.answer === modelData.id
                    implicitHeight: Theme.touch
                    enabled: item.controller && item.controller.editable
                    onClicked: item.controller.setAnswer(item.itemId, modelData.id)
                }
            }
        }

        // measurement
        RowLayout {
            visible: item.type === "measurement"
            spacing: Theme.spacing
            TextField {
                id: number
                objectName: "measure_" + item.itemId
                Layout.preferredWidth: 200
                implicitHeight: Theme.touch
                text: item.answerText
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                enabled: item.controller && item.controller.editable
                // Every keystroke is journalled; the record follows after a short pause.
                onTextChanged: if (activeFocus) item.controller.typeAnswer(item.itemId, text)
                onEditingFinished: item.controller.flushTyping()
            }
            Label { text: item.unit; font.pixelSize: Theme.fontLarge }
            Label {
                text: item.minValue !== undefined && item.maxValue !== undefined
                      ? qsTr("range %1–%2").arg(item.minValue).arg(item.maxValue) : ""
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
            }
        }

        // text
        TextArea {
            objectName: "text_" + item.itemId
            visible: item.type === "text"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touch * 1.5
            text: item.answerText
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("Write here")
            enabled: item.controller && item.controller.editable
            onTextChanged: if (activeFocus) item.controller.typeAnswer(item.itemId, text)
            onEditingFinished: item.controller.flushTyping()
        }

        // photo
        RowLayout {
            visible: item.type === "photo" || item.needsPhoto
            spacing: Theme.spacing
            AnjuButton {
                text: item.type === "photo" && item.answered ? qsTr("Replace photo") : qsTr("Add photo")
                implicitHeight: Theme.touch
                enabled: item.controller && item.controller.editable
                onClicked: item.photoRequested(item.itemId)
            }
            // A photo item shows the photo it holds; a tap opens it full size.
            Image {
                objectName: "answerThumbnail"
                readonly property string photoId: item.type === "photo" && item.answered ? String(item.answer) : ""
                visible: source.toString() !== ""
                source: photoId !== "" && item.controller
                        ? (item.controller.photos.revision, item.controller.photos.thumbnailOf(photoId)) : ""
                Layout.preferredWidth: 96
                Layout.preferredHeight: 72
                fillMode: Image.PreserveAspectCrop
                asynchronous: true
                TapHandler { onTapped: item.photoOpened(parent.photoId) }
            }
            Label {
                text: item.type === "photo" ? (item.answered ? qsTr("Photo attached") : qsTr("No photo yet"))
                                            : qsTr("A photo is required for this answer")
                color: Theme.textSecondary
            }
        }

        Label {
            visible: item.triggersFinding
            text: qsTr("Hazard recorded — complete it under Findings")
            color: Theme.some
            font.pixelSize: Theme.fontSmall
        }
        Label {
            visible: item.error !== ""
            Layout.fillWidth: true
            text: item.error
            color: Theme.error
            wrapMode: Text.Wrap
        }
    }
}

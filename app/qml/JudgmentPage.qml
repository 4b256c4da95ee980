import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// 初步判定: the judgment core computed from the findings, why, what to do, an optional override
// with its reason, and submit.
Page {
    id: page
    objectName: "judgmentPage"
    property InspectionController controller
    // The controller's judgment part: computed judgment, explanation, override.
    readonly property InspectionJudgment judgment: controller ? controller.judgment : null
    title: qsTr("Preliminary judgment")
    background: Rectangle { color: Theme.background }

    Component.onCompleted: if (judgment) judgment.grade()

    Connections {
        target: page.controller
        function onSubmitted(ok, errorString) {
            if (ok) submittedNote.visible = true
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        anchors.margins: Theme.margin
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing

            Pane {
                Layout.fillWidth: true
                padding: Theme.margin
                background: Rectangle { color: Theme.surface; radius: Theme.radius }
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: Theme.spacing
                    RowLayout {
                        spacing: Theme.margin
                        Label { text: qsTr("Computed judgment"); font.pixelSize: Theme.fontLarge }
                        AnjuJudgmentBadge {
                            objectName: "computedBadge"
                            large: true
                            judgment: page.judgment ? page.judgment.computed : ""
                            label: page.judgment ? page.judgment.computedLabel : ""
                        }
                    }
                    Label {
                        visible: page.judgment && page.judgment.disposal !== ""
                        text: qsTr("Advice: %1").arg(page.judgment ? page.judgment.disposal : "")
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: Theme.judgmentColor(page.judgment ? page.judgment.computed : "")
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        text: qsTr("Why")
                        font.bold: true
                    }
                    Label {
                        objectName: "explanation"
                        text: page.judgment ? page.judgment.explanation : ""
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.text
                    }
                }
            }

            Pane {
                Layout.fillWidth: true
                padding: Theme.margin
                background: Rectangle { color: Theme.surface; radius: Theme.radius }
                ColumnLayout {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: Theme.spacing
                    Label {
                        text: qsTr("Override (only with a written reason)")
                        font.pixelSize: Theme.fontLarge
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Layout.fillWidth: true
                        ComboBox {
                            id: overrideChoice
                            objectName: "overrideChoice"
                            Layout.preferredWidth: 340
                            implicitHeight: Theme.touch
                            textRole: "label"
                            valueRole: "code"
                            model: page.judgment ? page.judgment.options : []
                            currentIndex: page.judgment ? Theme.indexOfCode(page.judgment.options,
                                                                         page.judgment.overrideJudgment) : -1
                            displayText: currentIndex < 0 ? qsTr("Keep the computed judgment") : currentText
                        }
                        TextField {
                            id: overrideReason
                            objectName: "overrideReason"
                            Layout.fillWidth: true
                            implicitHeight: Theme.touch
                            placeholderText: qsTr("Reason for the override")
                            text: page.judgment ? page.judgment.overrideReason : ""
                        }
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        AnjuButton {
                            objectName: "applyOverride"
                            text: qsTr("Apply override")
                            implicitHeight: Theme.touch
                            enabled: page.controller && page.controller.editable && overrideChoice.currentIndex >= 0
                            onClicked: page.judgment.setOverride(overrideChoice.currentValue, overrideReason.text)
                        }
                        AnjuButton {
                            text: qsTr("Remove override")
                            flat: true
                            implicitHeight: Theme.touch
                            enabled: page.controller && page.controller.editable && page.judgment.overrideJudgment !== ""
                            onClicked: page.judgment.clearOverride()
                        }
                        Label {
                            objectName: "overrideError"
                            text: page.judgment ? page.judgment.overrideError : ""
                            color: Theme.error
                        }
                    }
                    RowLayout {
                        visible: page.judgment && page.judgment.overrideJudgment !== ""
                        Label { text: qsTr("Judgment that counts:") }
                        AnjuJudgmentBadge {
                            judgment: page.judgment ? page.judgment.effective : ""
                            label: page.judgment ? page.judgment.effectiveLabel : ""
                        }
                    }
                }
            }

            AnjuButton {
                objectName: "ownerNoticeButton"
                Layout.fillWidth: true
                text: qsTr("Owner notice")
                visible: page.judgment && page.judgment.effective !== ""
                         && page.judgment.effective !== "none_found"
                onClicked: page.StackView.view.push(Qt.resolvedUrl("OwnerNoticePage.qml"),
                                                    { controller: page.controller })
            }
            AnjuErrorBanner {
                Layout.fillWidth: true
                text: page.controller ? page.controller.errorString : ""
            }
            Repeater {
                model: page.controller ? page.controller.submitErrors : []
                Label {
                    required property string modelData
                    text: "• " + modelData
                    color: Theme.error
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
            }
            Label {
                id: submittedNote
                visible: false
                text: qsTr("Submitted. It will be sent at the next sync.")
                color: Theme.none
                font.pixelSize: Theme.fontLarge
            }
            AnjuButton {
                objectName: "submitButton"
                Layout.alignment: Qt.AlignRight
                text: qsTr("Submit inspection")
                highlighted: true
                implicitHeight: Theme.touch + 8
                enabled: page.controller && page.controller.editable
                onClicked: page.controller.submit()
            }
        }
    }
}

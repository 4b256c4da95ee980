import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// 被拒绝的更改和冲突: what the server did not take and why, in plain words, with the losing
// version of a conflict. Fix: open the house or inspection, correct it, then sync again.
Page {
    id: page
    objectName: "syncIssuesPage"
    title: qsTr("Refused changes and conflicts")
    property alias model: issues
    background: Rectangle { color: Theme.background }

    SyncIssuesModel {
        id: issues
        session: Session
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Open a house to correct what was refused; the correction is sent at the next "
                       + "sync. Dismiss a row once you have dealt with it.")
            color: Theme.textSecondary
            wrapMode: Text.Wrap
        }
        AnjuErrorBanner {
            Layout.fillWidth: true
            text: issues.errorString
        }
        ListView {
            id: list
            objectName: "issueList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: issues
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: card
                required property int index
                required property string issueKind
                required property string buildingId
                required property string title
                required property string reason
                required property string losingVersion
                required property string when
                required property bool canKeepMine
                width: ListView.view.width
                height: column.implicitHeight + 2 * Theme.margin
                radius: Theme.radius
                color: Theme.surface
                border.color: card.issueKind === "rejected" ? Theme.serious : Theme.some
                border.width: 2

                ColumnLayout {
                    id: column
                    anchors.fill: parent
                    anchors.margins: Theme.margin
                    spacing: 8
                    RowLayout {
                        Layout.fillWidth: true
                        Rectangle {
                            radius: height / 2
                            color: card.issueKind === "rejected" ? Theme.serious : Theme.some
                            implicitWidth: kindLabel.implicitWidth + 24
                            implicitHeight: 32
                            Label {
                                id: kindLabel
                                anchors.centerIn: parent
                                text: card.issueKind === "rejected" ? qsTr("Refused") : qsTr("Conflict")
                                color: "white"
                                font.bold: true
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: card.title
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Label { text: card.when; color: Theme.textSecondary; font.pixelSize: Theme.fontSmall }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: card.reason
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: card.issueKind === "conflict" && card.losingVersion !== ""
                        text: qsTr("The version that was not kept:")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: card.losingVersion !== ""
                        text: card.losingVersion
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSmall
                        color: Theme.text
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        AnjuButton {
                            objectName: "fix_" + card.index
                            text: qsTr("Open to fix")
                            highlighted: true
                            enabled: card.buildingId !== ""
                            onClicked: page.StackView.view.push(Qt.resolvedUrl("HousePage.qml"),
                                                                { buildingId: card.buildingId })
                        }
                        AnjuButton {
                            objectName: "keepMine_" + card.index
                            visible: card.canKeepMine
                            text: qsTr("Use my version again")
                            onClicked: issues.keepMine(card.index)
                        }
                        Item { Layout.fillWidth: true }
                        AnjuButton {
                            objectName: "dismiss_" + card.index
                            text: qsTr("Dismiss")
                            onClicked: issues.dismiss(card.index)
                        }
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("Nothing was refused and there are no conflicts.")
                color: Theme.textSecondary
            }
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// 同步: what is waiting on this tablet, when it last synced, and what went wrong, in plain words.
Page {
    id: page
    objectName: "syncPage"
    title: qsTr("Sync")
    property alias controller: sync
    background: Rectangle { color: Theme.background }

    SyncController {
        id: sync
        session: Session
    }
    SyncIssuesModel {
        id: issues
        session: Session
    }

    Pane {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 760)
        padding: Theme.margin * 2
        background: Rectangle { color: Theme.surface; radius: Theme.radius }

        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: Theme.margin

            RowLayout {
                spacing: Theme.margin * 2
                ColumnLayout {
                    Label {
                        objectName: "pendingCount"
                        text: sync.pendingCount
                        font.pixelSize: 48
                        font.bold: true
                        color: sync.pendingCount > 0 ? Theme.some : Theme.none
                    }
                    Label { text: qsTr("changes waiting to be sent"); color: Theme.textSecondary }
                }
                ColumnLayout {
                    Label {
                        objectName: "pendingPhotoCount"
                        text: sync.pendingPhotoCount
                        font.pixelSize: 48
                        font.bold: true
                        color: sync.pendingPhotoCount > 0 ? Theme.some : Theme.none
                    }
                    Label {
                        text: sync.pendingPhotoCount > 0 ? qsTr("photos to upload (%1)").arg(sync.pendingPhotoSize)
                                                         : qsTr("photos to upload")
                        color: Theme.textSecondary
                    }
                }
                ColumnLayout {
                    Label {
                        objectName: "issueCount"
                        text: issues.count
                        font.pixelSize: 48
                        font.bold: true
                        color: issues.count > 0 ? Theme.serious : Theme.textSecondary
                    }
                    Label { text: qsTr("refused or in conflict"); color: Theme.textSecondary }
                }
            }
            Label {
                text: sync.lastSync !== "" ? qsTr("Last sync: %1").arg(sync.lastSync)
                                           : qsTr("Last sync: never")
                font.pixelSize: Theme.fontLarge
            }
            Label {
                visible: sync.serverUrl !== ""
                text: qsTr("Server: %1").arg(sync.serverUrl)
                color: Theme.textSecondary
            }
            ProgressBar {
                Layout.fillWidth: true
                visible: sync.busy
                indeterminate: sync.progress < 0
                value: Math.max(0, sync.progress)
            }
            Label {
                objectName: "progressText"
                Layout.fillWidth: true
                visible: sync.busy
                text: sync.progressText
                color: Theme.textSecondary
            }
            Label {
                objectName: "syncStatus"
                Layout.fillWidth: true
                text: sync.statusText
                wrapMode: Text.Wrap
            }
            AnjuErrorBanner {
                Layout.fillWidth: true
                text: sync.errorString
            }
            AnjuButton {
                objectName: "issuesButton"
                Layout.fillWidth: true
                visible: issues.count > 0
                text: qsTr("%n refused change(s) or conflict(s) — look and fix", "", issues.count)
                onClicked: page.StackView.view.push(Qt.resolvedUrl("SyncIssuesPage.qml"))
            }
            Label {
                objectName: "signOutNote"
                Layout.fillWidth: true
                visible: sync.signedIn
                text: qsTr("Signing out keeps everything on this tablet: houses, drafts, photos and "
                           + "unsent changes. They are sent after the next sign-in.")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            RowLayout {
                spacing: Theme.spacing
                AnjuButton {
                    objectName: "signInButton"
                    visible: !sync.signedIn
                    text: qsTr("Sign in")
                    implicitHeight: Theme.touch
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("SignInPage.qml"))
                }
                AnjuButton {
                    objectName: "signOutButton"
                    visible: sync.signedIn
                    text: qsTr("Sign out")
                    implicitHeight: Theme.touch
                    enabled: !sync.busy
                    onClicked: sync.signOut()
                }
                Item { Layout.fillWidth: true }
                AnjuButton {
                    objectName: "cancelButton"
                    visible: sync.busy
                    text: qsTr("Stop")
                    implicitHeight: Theme.touch
                    onClicked: sync.cancel()
                }
                AnjuButton {
                    objectName: "syncButton"
                    text: qsTr("Sync now")
                    highlighted: true
                    implicitHeight: Theme.touch
                    enabled: sync.available && !sync.busy
                    onClicked: sync.syncNow()
                }
            }
        }
    }
}

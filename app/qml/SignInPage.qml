import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// 登录: server address, user name and password. The password goes to the sync service and is
// never stored by the app.
Page {
    id: page
    objectName: "signInPage"
    title: qsTr("Sign in")
    property alias controller: sync
    background: Rectangle { color: Theme.background }

    SyncController {
        id: sync
        session: Session
        onSignInFinished: (ok) => { if (ok && page.StackView.view) page.StackView.view.pop() }
    }

    Pane {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 620)
        padding: Theme.margin * 2
        background: Rectangle { color: Theme.surface; radius: Theme.radius }

        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: Theme.spacing

            Label {
                text: qsTr("安居 · Anju")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.primary
                Layout.alignment: Qt.AlignHCenter
            }
            Label { text: qsTr("Server address") }
            TextField {
                id: server
                objectName: "serverField"
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                text: sync.serverUrl
                placeholderText: "https://anju.example.gov.cn"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
            }
            Label { text: qsTr("User name") }
            TextField {
                id: user
                objectName: "userField"
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                text: sync.lastUser
                inputMethodHints: Qt.ImhNoAutoUppercase
            }
            Label { text: qsTr("Password") }
            TextField {
                id: password
                objectName: "passwordField"
                Layout.fillWidth: true
                implicitHeight: Theme.touch
                echoMode: TextInput.Password
            }
            RowLayout {
                visible: sync.busy
                spacing: Theme.spacing
                BusyIndicator { running: sync.busy; implicitWidth: Theme.touch; implicitHeight: Theme.touch }
                Label { text: sync.statusText; Layout.fillWidth: true; wrapMode: Text.Wrap }
            }
            AnjuErrorBanner {
                Layout.fillWidth: true
                text: sync.errorString
            }
            AnjuButton {
                objectName: "signInButton"
                Layout.fillWidth: true
                implicitHeight: Theme.touch + 8
                text: qsTr("Sign in")
                highlighted: true
                enabled: !sync.busy
                onClicked: sync.signIn(server.text, user.text, password.text)
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("The password is not stored on this tablet. After signing in, you can keep working offline for days; changes are sent at the next sync.")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
        }
    }
}

import QtQuick
import QtQuick.Controls
import Anju

// An error as state: shown while `text` is not empty, in plain words.
Rectangle {
    id: banner
    property string text: ""

    visible: text !== ""
    implicitHeight: visible ? Math.max(Theme.touch, message.implicitHeight + 16) : 0
    color: Theme.errorBackground
    radius: Theme.radius

    Label {
        id: message
        anchors.fill: parent
        anchors.margins: 8
        anchors.leftMargin: Theme.margin
        verticalAlignment: Text.AlignVCenter
        text: banner.text
        color: Theme.error
        wrapMode: Text.Wrap
        font.pixelSize: Theme.fontNormal
    }
}

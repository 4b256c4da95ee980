import QtQuick
import QtQuick.Controls
import Anju

// The visit status of a house as an outlined chip.
Rectangle {
    id: chip
    property string status: ""
    property string label: ""

    implicitWidth: text.implicitWidth + 20
    implicitHeight: 30
    radius: 15
    color: "transparent"
    border.color: Theme.statusColor(status)
    border.width: 1.5

    Label {
        id: text
        anchors.centerIn: parent
        text: chip.label
        color: Theme.statusColor(chip.status)
        font.pixelSize: Theme.fontSmall
    }
}

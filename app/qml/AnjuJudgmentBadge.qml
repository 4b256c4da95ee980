import QtQuick
import QtQuick.Controls
import Anju

// A coloured pill with the judgment in words; grey "not judged" when there is none.
Rectangle {
    id: badge
    property string judgment: ""
    property string label: ""
    property bool large: false

    implicitWidth: text.implicitWidth + (large ? 40 : 20)
    implicitHeight: large ? 56 : 30
    radius: height / 2
    color: Theme.judgmentColor(judgment)

    Label {
        id: text
        anchors.centerIn: parent
        text: badge.label !== "" ? badge.label : qsTr("Not judged")
        color: "white"
        font.pixelSize: badge.large ? Theme.fontLarge + 2 : Theme.fontSmall
        font.bold: true
    }
}

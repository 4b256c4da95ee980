import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// A labelled form row: label on the left, the editor (default property) on the right, and the
// field's validation error underneath.
ColumnLayout {
    id: row
    property string label: ""
    property string error: ""
    default property alias editor: holder.data

    spacing: 2
    Layout.fillWidth: true

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label {
            text: row.label
            Layout.preferredWidth: 150
            Layout.alignment: Qt.AlignVCenter
            color: Theme.textSecondary
            wrapMode: Text.Wrap
        }
        Item {
            id: holder
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(Theme.touch, childrenRect.height)
        }
    }
    Label {
        visible: row.error !== ""
        text: row.error
        color: Theme.error
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Layout.leftMargin: 150 + Theme.spacing
    }
}

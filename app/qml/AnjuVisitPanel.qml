import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// The house page's visits (走访): "记录走访" opens the four outcomes (one tap records, the note is
// optional), the revisit-due date when the house was not reached, and every visit so far.
ColumnLayout {
    id: panel
    property VisitController controller
    property string buildingId: ""
    property bool choosing: false
    spacing: 6

    VisitHistoryModel {
        id: visits
        session: Session
        buildingId: panel.buildingId
    }

    RowLayout {
        id: header
        Layout.fillWidth: true
        Label {
            text: qsTr("Visits")
            font.bold: true
            font.pixelSize: Theme.fontLarge
            Layout.fillWidth: true
        }
        AnjuButton {
            objectName: "recordVisitButton"
            text: panel.choosing ? qsTr("Cancel") : qsTr("Record visit")
            flat: panel.choosing
            onClicked: panel.choosing = !panel.choosing
        }
    }

    ColumnLayout {
        id: chooser
        objectName: "visitChooser"
        visible: panel.choosing
        Layout.fillWidth: true
        spacing: 6
        TextField {
            id: note
            objectName: "visitNoteField"
            Layout.fillWidth: true
            placeholderText: qsTr("Note (optional), e.g. neighbour says owner is back on Sunday")
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 6
            rowSpacing: 6
            Repeater {
                model: panel.controller ? panel.controller.outcomeOptions : []
                AnjuButton {
                    required property var modelData
                    objectName: "visitOutcome_" + modelData.code
                    Layout.fillWidth: true
                    text: modelData.label
                    highlighted: modelData.code === "inspected"
                    onClicked: {
                        if (panel.controller.record(modelData.code, note.text)) {
                            note.text = ""
                            panel.choosing = false
                        }
                    }
                }
            }
        }
    }

    AnjuErrorBanner {
        Layout.fillWidth: true
        text: panel.controller ? panel.controller.errorString : ""
    }

    Label {
        id: summary
        objectName: "visitSummary"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.textSecondary
        text: !panel.controller || panel.controller.visitCount === 0
              ? qsTr("No visit recorded yet.")
              : qsTr("%n visit(s); last: %1", "", panel.controller.visitCount)
                    .arg(panel.controller.lastOutcomeLabel)
    }
    Label {
        objectName: "revisitDueText"
        visible: panel.controller && panel.controller.revisitDue !== ""
        Layout.fillWidth: true
        font.bold: true
        color: panel.controller && panel.controller.revisitOverdue ? Theme.error : Theme.some
        text: panel.controller ? qsTr("To revisit by %1").arg(panel.controller.revisitDue) : ""
    }

    ListView {
        id: visitList
        objectName: "visitHistoryList"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, 160)
        clip: true
        interactive: contentHeight > height
        model: visits
        spacing: 2
        delegate: RowLayout {
            required property string visitedAt
            required property string outcome
            required property string outcomeLabel
            required property string inspector
            required property string note
            width: ListView.view.width
            spacing: 8
            Rectangle {
                width: 10
                height: 10
                radius: 5
                color: outcome === "inspected" ? Theme.none
                     : outcome === "gone_or_not_found" ? Theme.unknown : Theme.some
            }
            Label { text: visitedAt; font.pixelSize: Theme.fontSmall }
            Label { text: outcomeLabel; font.pixelSize: Theme.fontSmall; font.bold: true }
            Label {
                text: inspector + (note !== "" ? " · " + note : "")
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// The map of my houses, offline: points coloured by judgment and visit state, my position, the
// community outlines and, when the bureau's MBTiles file is set, a basemap. Tap a point for the
// house card (open the house, call the owner); beside the map, every house nearest first.
Page {
    id: page
    objectName: "mapPage"
    title: qsTr("Map of my houses")
    background: Rectangle {
        color: Theme.background
    }

    property alias houses: houses
    property alias map: map
    property alias tracker: tracker
    property string selectedId: ""
    // Re-read when my position moves (the distance) as well as when the selection changes.
    readonly property var selected: selectedId !== "" ? (houses.latitude, houses.house(selectedId)) : ({})

    function select(buildingId, centre) {
        selectedId = buildingId;
        map.highlightedId = buildingId;
        if (buildingId !== "" && centre)
            map.centerOn(buildingId);
        const row = houses.rowOf(buildingId);
        if (row >= 0)
            nearList.positionViewAtIndex(row, ListView.Contain);
    }
    function openHouse(buildingId) {
        page.StackView.view.push(Qt.resolvedUrl("HousePage.qml"), {
                "buildingId": buildingId
            });
    }
    function callOwner(phone) {
        const digits = String(phone).replace(/[^0-9+]/g, "");
        if (digits !== "")
            Qt.openUrlExternally("tel:" + digits);
    }

    HouseMapModel {
        id: houses
        session: Session
    }
    PositionTracker {
        id: tracker
        onPositionChanged: if (valid)
            houses.setPosition(latitude, longitude)
    }
    BasemapTiles {
        id: basemap
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        // --- the map, its legend under it --------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 6
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: "#ECEFF1"
                radius: Theme.radius
                clip: true

                HouseMapItem {
                    id: map
                    objectName: "houseMap"
                    anchors.fill: parent
                    model: houses
                    basemap: basemap
                }

                // Drag pans, a tap picks the nearest point; two fingers zoom; the wheel zooms.
                PinchArea {
                    anchors.fill: parent
                    property real lastScale: 1
                    onPinchStarted: lastScale = 1
                    onPinchUpdated: pinch => {
                        map.zoomAt(Math.log2(pinch.scale / lastScale), pinch.center.x, pinch.center.y);
                        map.panBy(pinch.center.x - pinch.previousCenter.x, pinch.center.y - pinch.previousCenter.y);
                        lastScale = pinch.scale;
                    }
                    MouseArea {
                        id: mapMouse
                        objectName: "mapMouse"
                        anchors.fill: parent
                        property point last
                        property bool dragged: false
                        onPressed: mouse => {
                            last = Qt.point(mouse.x, mouse.y);
                            dragged = false;
                        }
                        onPositionChanged: mouse => {
                            const dx = mouse.x - last.x;
                            const dy = mouse.y - last.y;
                            if (!dragged && Math.abs(dx) + Math.abs(dy) < 8)
                                return;
                            dragged = true;
                            map.panBy(dx, dy);
                            last = Qt.point(mouse.x, mouse.y);
                        }
                        onClicked: mouse => {
                            if (dragged)
                                return;
                            page.select(map.buildingAt(mouse.x, mouse.y), false);
                        }
                        onWheel: wheel => map.zoomAt(wheel.angleDelta.y / 480, wheel.x, wheel.y)
                    }
                }

                // --- tools over the map ---------------------------------------------------------
                Rectangle {
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.spacing
                    width: tools.implicitWidth + 2 * 6
                    height: tools.implicitHeight + 2 * 6
                    radius: Theme.radius
                    color: "#F2FFFFFF"
                    border.color: Theme.divider
                    Column {
                        id: tools
                        anchors.centerIn: parent
                        spacing: 2
                        AnjuButton {
                            objectName: "nearestButton"
                            text: qsTr("Nearest not yet visited")
                            highlighted: true
                            enabled: houses.hasPosition
                            onClicked: page.select(houses.nearestToVisit(), true)
                        }
                        AnjuButton {
                            text: qsTr("My position")
                            width: parent.width
                            flat: true
                            enabled: houses.hasPosition
                            onClicked: map.centerOnCoordinate(houses.latitude, houses.longitude)
                        }
                        AnjuButton {
                            text: qsTr("All houses")
                            width: parent.width
                            flat: true
                            onClicked: map.fitAll()
                        }
                        Row {
                            anchors.horizontalCenter: parent.horizontalCenter
                            spacing: 6
                            AnjuButton {
                                text: "+"
                                width: 64
                                flat: true
                                font.pixelSize: Theme.fontTitle
                                onClicked: map.zoomAt(1, map.width / 2, map.height / 2)
                            }
                            AnjuButton {
                                text: "−"
                                width: 64
                                flat: true
                                font.pixelSize: Theme.fontTitle
                                onClicked: map.zoomAt(-1, map.width / 2, map.height / 2)
                            }
                        }
                    }
                }

                // --- the card of the tapped house ----------------------------------------------------
                Rectangle {
                    id: card
                    objectName: "houseCard"
                    visible: page.selectedId !== ""
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: Theme.spacing
                    width: Math.min(parent.width - 2 * Theme.margin, 520)
                    height: cardColumn.implicitHeight + 2 * Theme.margin
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.divider
                    ColumnLayout {
                        id: cardColumn
                        anchors.fill: parent
                        anchors.margins: Theme.margin
                        spacing: 6
                        Label {
                            text: page.selected.address || ""
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                        Label {
                            text: (page.selected.section || "") + (page.selected.distanceLabel ? " · " + page.selected.distanceLabel : "")
                            color: Theme.textSecondary
                        }
                        Label {
                            text: (page.selected.judgmentLabel || page.selected.visitStateLabel || "")
                            color: page.selected.pointColor || Theme.text
                            font.bold: true
                        }
                        Label {
                            text: qsTr("Owner: %1  %2").arg(page.selected.ownerName || "—").arg(page.selected.ownerPhone || "")
                        }
                        RowLayout {
                            spacing: Theme.spacing
                            AnjuButton {
                                objectName: "openHouseButton"
                                text: qsTr("Open house")
                                highlighted: true
                                onClicked: page.openHouse(page.selectedId)
                            }
                            AnjuButton {
                                objectName: "callOwnerButton"
                                text: qsTr("Call owner")
                                enabled: (page.selected.ownerPhone || "") !== ""
                                onClicked: page.callOwner(page.selected.ownerPhone)
                            }
                            AnjuButton {
                                text: qsTr("Close")
                                flat: true
                                onClicked: page.select("", false)
                            }
                        }
                    }
                }
            }

            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Repeater {
                    model: [{
                            "color": Theme.serious,
                            "text": qsTr("Serious hazard")
                        }, {
                            "color": Theme.some,
                            "text": qsTr("Some hazard")
                        }, {
                            "color": Theme.none,
                            "text": qsTr("No hazard found")
                        }, {
                            "color": "#1976D2",
                            "text": qsTr("Inspection in progress")
                        }, {
                            "color": "#7B1FA2",
                            "text": qsTr("Knocked, not inspected (revisit)")
                        }, {
                            "color": "#757575",
                            "text": qsTr("Not visited")
                        }]
                    Row {
                        spacing: 4
                        Rectangle {
                            width: 12
                            height: 12
                            color: modelData.color
                            anchors.verticalCenter: parent.verticalCenter
                        }
                        Label {
                            text: modelData.text
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
                Label {
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textSecondary
                    text: qsTr("Hollow: still to visit · dashed: community outline · blue target: my position")
                }
                Label {
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textSecondary
                    text: basemap.loaded ? qsTr("Basemap: %1").arg(basemap.name || basemap.path) : qsTr("No basemap: houses and outlines only")
                }
                Label {
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textSecondary
                    text: houses.hasPosition ? qsTr("My position: %1, %2").arg(houses.latitude.toFixed(5)).arg(houses.longitude.toFixed(5)) : qsTr("No GPS fix yet")
                }
            }
        }

        // --- nearest first --------------------------------------------------------------------
        Pane {
            Layout.fillHeight: true
            Layout.preferredWidth: 360
            padding: 0
            background: Rectangle {
                color: Theme.surface
                radius: Theme.radius
            }
            ColumnLayout {
                anchors.fill: parent
                spacing: 0
                Label {
                    text: houses.hasPosition ? qsTr("Nearest first (%1 houses)").arg(nearList.count) : qsTr("%1 houses (no GPS fix: list order)").arg(nearList.count)
                    font.bold: true
                    padding: Theme.spacing
                    Layout.fillWidth: true
                }
                AnjuErrorBanner {
                    Layout.fillWidth: true
                    text: houses.errorString || basemap.errorString
                }
                ListView {
                    id: nearList
                    objectName: "nearList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: houses
                    delegate: ItemDelegate {
                        readonly property string houseId: buildingId
                        readonly property real distanceMeters: distance
                        width: ListView.view.width
                        height: 64
                        highlighted: buildingId === page.selectedId
                        onClicked: page.select(buildingId, true)
                        contentItem: RowLayout {
                            spacing: Theme.spacing
                            Rectangle {
                                width: 14
                                height: 14
                                color: pointColor
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    text: address
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: section + " · " + (judgmentLabel !== "" ? judgmentLabel : visitStateLabel)
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.textSecondary
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                            }
                            Label {
                                text: distanceLabel
                                color: Theme.textSecondary
                            }
                        }
                    }
                }
            }
        }
    }
}

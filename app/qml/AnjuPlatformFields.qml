import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Anju

// The national platform's house fields on the house page (城乡自建房安全专项整治信息归集平台):
// business type (业态; business use itself follows from 用途 above, so it is not asked again),
// land type, permits with their status, geo-hazards, fire hazards, and the platform's own
// numbers, typed as they are written and never parsed. Edits go through the HouseController.
ColumnLayout {
    id: platform
    property HouseController house
    spacing: 6
    Layout.fillWidth: true

    Label {
        text: qsTr("National platform")
        font.bold: true
        Layout.topMargin: 8
    }
    AnjuFieldRow {
        label: qsTr("Business type")
        error: platform.house.fieldErrors.business_type || ""
        ComboBox {
            objectName: "businessTypeBox"
            width: parent.width
            textRole: "label"
            valueRole: "code"
            model: platform.house.businessTypeOptions
            currentIndex: Theme.indexOfCode(platform.house.businessTypeOptions,
                                            platform.house.fields.business_type || "")
            onActivated: platform.house.setField("business_type", currentValue)
        }
    }
    AnjuFieldRow {
        label: qsTr("Land type")
        error: platform.house.fieldErrors.land_type || ""
        ComboBox {
            width: parent.width
            textRole: "label"
            valueRole: "code"
            model: platform.house.landTypeOptions
            currentIndex: Theme.indexOfCode(platform.house.landTypeOptions,
                                            platform.house.fields.land_type || "")
            onActivated: platform.house.setField("land_type", currentValue)
        }
    }
    AnjuFieldRow {
        label: qsTr("Permits")
        error: platform.house.fieldErrors.permits || ""
        Column {
            width: parent.width
            spacing: 2
            Repeater {
                model: platform.house.permitOptions
                RowLayout {
                    id: permitRow
                    required property var modelData
                    width: parent.width
                    Label {
                        text: permitRow.modelData.label
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    ComboBox {
                        Layout.preferredWidth: 150
                        textRole: "label"
                        valueRole: "code"
                        model: platform.house.permitStateOptions
                        currentIndex: Theme.indexOfCode(
                            platform.house.permitStateOptions,
                            (platform.house.fields.permits || {})[permitRow.modelData.code] || "")
                        onActivated: {
                            let permits = Object.assign({}, platform.house.fields.permits || {})
                            if (currentValue === "")
                                delete permits[permitRow.modelData.code]
                            else
                                permits[permitRow.modelData.code] = currentValue
                            platform.house.setField("permits", permits)
                        }
                    }
                }
            }
        }
    }
    AnjuFieldRow {
        label: qsTr("Geo-hazards")
        error: platform.house.fieldErrors.geo_hazards || ""
        AnjuCodeChecks {
            width: parent.width
            options: platform.house.geoHazardOptions
            codes: platform.house.fields.geo_hazards || []
            aloneCode: "none"
            onToggledCodes: list => platform.house.setField("geo_hazards", list)
        }
    }
    AnjuFieldRow {
        label: qsTr("Fire hazards")
        error: platform.house.fieldErrors.fire_hazards || ""
        AnjuCodeChecks {
            width: parent.width
            options: platform.house.fireHazardOptions
            codes: platform.house.fields.fire_hazards || []
            aloneCode: "none"
            onToggledCodes: list => platform.house.setField("fire_hazards", list)
        }
    }
    AnjuFieldRow {
        label: qsTr("Platform house no.")
        error: platform.house.fieldErrors.platform_house_number || ""
        TextField {
            objectName: "platformHouseNumberField"
            width: parent.width
            text: platform.house.fields.platform_house_number || ""
            placeholderText: "YH…"
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
            onTextEdited: platform.house.setField("platform_house_number", text)
        }
    }
    AnjuFieldRow {
        label: qsTr("Census house no.")
        error: platform.house.fieldErrors.census_house_number || ""
        TextField {
            objectName: "censusHouseNumberField"
            width: parent.width
            text: platform.house.fields.census_house_number || ""
            inputMethodHints: Qt.ImhNoPredictiveText
            onTextEdited: platform.house.setField("census_house_number", text)
        }
    }
}

// The inspection domain as plain values: Building, Inspection, Finding, PhotoRecord,
// Rectification. No behaviour beyond what the types say; rules live in validation.h (what is a
// well-formed record), grading.h (what a set of findings means) and store.h (persistence).
//
// Conventions:
// - Ids are lowercase RFC 4122 UUID strings (see uuid.h); they never change once assigned.
// - Times are UTC milliseconds since the Unix epoch (TimestampMs); 0 means "not set".
// - Dates without a time (deadlines) are ISO-8601 "YYYY-MM-DD" strings.
// - Every enum has a stable snake_case code (enum_codes.h) used in files, the database and on the
//   wire; the C++ enumerator order is not part of any format.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace anju {

using Uuid = std::string;
using TimestampMs = std::int64_t;

struct GeoPoint {
  double latitude = 0;   // WGS-84 degrees, -90..90
  double longitude = 0;  // WGS-84 degrees, -180..180
  std::optional<double> accuracyMeters;
  bool operator==(const GeoPoint&) const = default;
};

/// 区 / 街道 / 社区: the three administrative levels a district register is organised by.
struct RegionPath {
  std::string district;   // 区
  std::string street;     // 街道 (乡镇)
  std::string community;  // 社区 (村)
  bool operator==(const RegionPath&) const = default;
};

enum class StructureType {
  kBrickConcrete,
  kBrickTimber,
  kFrame,
  kEarthTimber,
  kStoneTimber,
  kTimber,
  kSteel,
  kOther
};
enum class DesignStatus { kUnknown, kLicensedDesign, kNoFormalDesign, kSketchOnly };
enum class Alteration {
  kAddedStorey,
  kExtension,
  kStructuralChange
};  // 加层 / 扩建 / 拆改主体结构
enum class BuildingUse { kOwnerOccupied, kRented, kBusiness, kProduction, kThreeInOne, kOther };

// The national platform's code lists (城乡自建房安全专项整治信息归集平台; their codes, labels and
// version are in enum_codes.h, kPlatformCodesVersion).

/// 业态: the trade a house's business is in (是否经营 → 业态).
enum class BusinessType {
  kCatering,       // 餐饮饭店
  kLodging,        // 民宿宾馆
  kRetail,         // 批发零售 (商超)
  kEntertainment,  // 休闲娱乐
  kEducation,      // 教育培训
  kMedical,        // 医疗卫生
  kElderlyCare,    // 养老服务
  kManufacturing,  // 生产加工
  kWarehousing,    // 仓储物流
  kRentalHousing,  // 出租居住 (群租)
  kOther
};
/// 土地性质: state-owned (国有) land by its use, or collective (集体) land.
enum class LandType {
  kStateResidential,
  kStateCommercialResidential,
  kStateCommercial,
  kStateOther,
  kCollectiveHomestead,     // 宅基地
  kCollectiveConstruction,  // 集体建设用地
  kCollectiveOther
};
/// 许可证照: the permits and certificates the platform's 管理情况 block asks about.
enum class Permit {
  kPlanning,                // 建设工程规划许可
  kRuralPlanning,           // 乡村建设规划许可
  kLandCertificate,         // 土地证
  kHomesteadApproval,       // 宅基地批准书
  kConstruction,            // 施工许可
  kCompletionAcceptance,    // 竣工验收
  kFireAcceptance,          // 消防验收
  kRealEstateRegistration,  // 不动产登记
  kBusinessLicence,         // 营业执照
  kOperatingLicence,        // 经营许可 (食品经营、卫生等)
  kSpecialTradeLicence,     // 特种行业许可 (住宿)
  kFireSafetyInspection     // 公众聚集场所投入使用、营业前消防安全检查
};
enum class PermitState { kHeld, kNotHeld, kNotApplicable };  // 有 / 无 / 不涉及
/// 地质灾害: what the site is exposed to; kNone (无) stands alone.
enum class GeoHazard {
  kNone,
  kSlopeCutting,  // 切坡建房
  kLandslideDebrisFlow,
  kMinedOutArea,  // 采空区
  kFlooding,
  kRockfall,  // 崩塌
  kSubsidence,
  kHazardSite,  // 位于地质灾害隐患点
  kOther
};
/// 消防隐患: fire-safety hazards seen at the house; kNone (无) stands alone.
enum class FireHazard {
  kNone,
  kBlockedEscape,       // 疏散通道堵塞
  kMissingEquipment,    // 消防设施缺失或损坏
  kElectricalWiring,    // 电气线路私拉乱接
  kFlammableMaterials,  // 易燃可燃材料 (彩钢板等)
  kMixedUseLiving,      // 住宿与生产、储存、经营合用 (三合一)
  kEbikeCharging,       // 电动自行车违规停放充电
  kBarredWindows,       // 防盗窗、广告牌封堵逃生窗口
  kOther
};

/// One permit's status as recorded.
struct PermitStatus {
  Permit permit = Permit::kPlanning;
  PermitState state = PermitState::kNotHeld;
  bool operator==(const PermitStatus&) const = default;
};

/// 房屋: one building of the district register.
struct Building {
  Uuid id;
  RegionPath region;
  std::string address;  // 详细地址, e.g. "幸福路12号"
  std::optional<GeoPoint> location;
  std::string ownerName;     // 产权人
  std::string ownerContact;  // 联系电话
  std::optional<int> yearBuilt;
  int storeysAbove = 1;  // 地上层数, >= 1
  int storeysBelow = 0;  // 地下层数, >= 0
  std::optional<double> floorAreaM2;
  StructureType structure = StructureType::kOther;
  DesignStatus design = DesignStatus::kUnknown;
  std::vector<Alteration> alterations;
  BuildingUse use = BuildingUse::kOwnerOccupied;
  std::string buildingCode;  // 房屋编码 / QR plate, when known
  // The national platform's blocks (all optional; records made before them have none).
  std::optional<BusinessType> businessType;  // 业态; unset: no business recorded
  std::optional<LandType> landType;          // 土地性质
  std::vector<PermitStatus> permits;         // 许可证照 asked about, each at most once
  std::vector<GeoHazard> geoHazards;         // 地质灾害; empty: not recorded
  std::vector<FireHazard> fireHazards;       // 消防隐患; empty: not recorded
  // The platform's own numbers, kept exactly as given and never parsed or derived.
  std::string platformHouseNumber;  // 自建房编号, e.g. "YH500230000064653"
  std::string censusHouseNumber;    // 普查房屋编号
  bool operator==(const Building&) const = default;

  /// 经营性用途: the use is business, or a trade is recorded (自住兼经营: a shop downstairs).
  bool businessUse() const { return use == BuildingUse::kBusiness || businessType.has_value(); }
};

enum class Component {
  kFoundation,
  kLoadBearingWall,
  kSelfBearingWall,
  kColumn,
  kBeam,
  kSlab,
  kRoof,
  kRoofTruss,
  kPurlin,
  kCantilever,
  kEnvelope,
  kOther
};
enum class HazardKind {
  kSettlement,
  kWallCrack,
  kBeamCrack,
  kSlabCrack,
  kColumnCrack,
  kTilt,
  kDeflection,
  kWeathering,
  kRot,
  kRoofLeak,
  kSaggingPurlin,
  kUnlicensedAlteration,
  kFireSafety,
  kOther
};
/// The tier a single finding is rated at; the inspection's judgment aggregates these.
enum class Severity { kNone, kSome, kSerious };

/// A measured quantity. `name` is a stable key such as "width", "length", "tilt"; `unit` is
/// the unit the value is expressed in ("mm", "m", "permille", "ratio", "percent").
struct Measurement {
  std::string name;
  double value = 0;
  std::string unit;
  bool operator==(const Measurement&) const = default;
};

/// 隐患: one hazard observed at one place.
struct Finding {
  Uuid id;
  Component component = Component::kOther;
  HazardKind hazard = HazardKind::kOther;
  std::string location;  // e.g. "一层北侧承重墙"
  std::vector<Measurement> measurements;
  Severity severity = Severity::kSome;  // the inspector's rating; grading may raise it
  std::string note;
  std::vector<Uuid> photoIds;
  bool operator==(const Finding&) const = default;
};

/// 初步判定 tiers, door-to-door (not the A–D appraisal).
enum class PreliminaryJudgment { kNoneFound, kSome, kSerious };
/// 鉴定等级 from a professional appraisal (JGJ 125-2016 or the rural 导则).
enum class AppraisalGrade { kA, kB, kC, kD };
/// Review workflow: draft (on the tablet) -> submitted -> approved | returned -> submitted ...
enum class ReviewState { kDraft, kSubmitted, kApproved, kReturned };

/// An answer to one checklist item. Measurement answers carry their unit from the template.
using AnswerValue = std::variant<bool, std::string, double>;

struct JudgmentOverride {
  PreliminaryJudgment judgment = PreliminaryJudgment::kNoneFound;
  std::string reason;  // required, non-blank
  bool operator==(const JudgmentOverride&) const = default;
};

/// 隐患告知书: the notice handed to the owner of a house with hazards, and what the owner did with
/// it. The PDF and the signature PNG are stored like photos (PhotoRecord::document); their
/// SHA-256 are repeated here so the inspection's evidence digest binds them.
struct OwnerNotice {
  std::string number;  // 告知书编号, unique per inspection
  TimestampMs issuedAt = 0;
  Uuid pdfPhotoId;
  std::string pdfSha256;
  bool refused = false;          // the owner refused to sign (refusalNote says what happened)
  Uuid signaturePhotoId;         // PNG of the signature; empty when refused
  std::string signatureSha256;   // of the PNG bytes
  std::string signatureStrokes;  // vector form: strokes ";"-separated, points "x,y" space-separated
  std::string strokesSha256;     // of signatureStrokes' UTF-8 bytes
  TimestampMs signedAt = 0;      // time of the signature or of the refusal
  std::string refusalNote;       // the inspector's note, required when refused
  bool operator==(const OwnerNotice&) const = default;
};

/// 排查记录: one visit to one building.
struct Inspection {
  Uuid id;
  Uuid buildingId;
  std::string inspector;  // user name of the inspector
  TimestampMs startedAt = 0;
  TimestampMs submittedAt = 0;  // 0 while a draft
  std::optional<GeoPoint> location;
  std::string templateId;
  int templateVersion = 0;
  std::map<std::string, AnswerValue> answers;  // checklist item id -> answer
  std::vector<Finding> findings;
  std::vector<Uuid> photoIds;  // photos of the building not tied to one finding
  std::optional<PreliminaryJudgment> computedJudgment;
  std::string judgmentExplanation;  // why the engine decided so (see grading.h)
  std::optional<JudgmentOverride> override;
  std::optional<AppraisalGrade> appraisalGrade;
  ReviewState review = ReviewState::kDraft;
  std::string reviewComment;  // set by a reviewer when returning
  std::optional<OwnerNotice> ownerNotice;
  std::string evidenceDigest;  // set at submit (evidence_digest.h); empty on a draft
  bool operator==(const Inspection&) const = default;

  /// The judgment that counts: the override when present, else the computed one.
  std::optional<PreliminaryJudgment> effectiveJudgment() const {
    if (override) return override->judgment;
    return computedJudgment;
  }
};

/// 照片分类: what a photo shows (门牌, 外立面, 户内, 屋顶, 加建, 裂缝, 其他).
enum class PhotoCategory { kDoorPlate, kFacade, kInterior, kRoof, kExtension, kCrack, kOther };

/// 照片: the bytes and where and when they were taken are immutable (an edit of the picture, such
/// as an annotation, makes a new photo with a new hash linked by annotatedFrom). Only the
/// descriptions (caption, category) may change, and `deleted` may be set while the photo's
/// inspection is a draft (Store::putPhoto).
struct PhotoRecord {
  Uuid id;
  std::string sha256;  // 64 lowercase hex digits of the stored bytes
  std::int64_t byteSize = 0;
  std::string mimeType = "image/jpeg";
  TimestampMs capturedAt = 0;
  std::optional<GeoPoint> location;
  Uuid buildingId;
  Uuid inspectionId;  // may be empty
  Uuid findingId;     // may be empty
  std::string caption;
  std::optional<PhotoCategory> category;  // unset: not chosen
  Uuid annotatedFrom;                     // an annotated copy: the photo it was drawn on
  bool deleted = false;                   // deleted before submission; hidden, kept for sync
  std::string document;  // empty: a photo; kDocumentOwnerNotice / kDocumentOwnerSignature
  Uuid rectificationId;  // completion evidence of this rectification; empty for other photos
  bool operator==(const PhotoRecord&) const = default;
};

/// PhotoRecord::document codes for the owner notice's files.
inline constexpr const char* kDocumentOwnerNotice = "owner_notice";        // application/pdf
inline constexpr const char* kDocumentOwnerSignature = "owner_signature";  // image/png

enum class MeasureFamily { kManagement, kEngineering, kEnforcement };  // 管理 / 工程 / 违法建设查处
enum class RectificationStatus { kPending, kInProgress, kDone };  // 待整治 / 整治中 / 已整治

/// How far one rectification measure has come on the way to closure (销号): the steps are
/// reviewer acts, each needing the one before (validateRectification).
enum class RectificationStage {
  kOpen,       // 待完成: measure set, completion not recorded
  kCompleted,  // 已完成待验收: completion recorded with photo evidence
  kAccepted,   // 已验收待销号: accepted (验收)
  kClosed,     // 已销号
};

/// 整治: one rectification measure for one hazard (一隐患一记录) — or, for records made before
/// hazards were linked, for the building as a whole (inspectionId and findingId empty).
struct Rectification {
  Uuid id;
  Uuid buildingId;
  MeasureFamily family = MeasureFamily::kManagement;
  std::string measure;  // code within the family, e.g. "stop_use", "repair_strengthen"
  RectificationStatus status = RectificationStatus::kPending;
  std::string deadline;  // "YYYY-MM-DD", may be empty
  std::string responsibleParty;
  std::string note;
  Uuid inspectionId;  // the approved inspection whose finding this rectifies; empty: building
  Uuid findingId;     // the hazard (Finding::id); set together with inspectionId
  TimestampMs completedAt = 0;  // 整改完成 recorded (0: not yet), by completedBy
  std::string completedBy;
  std::vector<Uuid> completionPhotoIds;  // the photo evidence (PhotoRecord::rectificationId)
  std::string completionNote;
  TimestampMs acceptedAt = 0;  // 验收
  std::string acceptedBy;
  std::string acceptanceNote;
  TimestampMs closedAt = 0;  // 销号
  std::string closedBy;
  bool operator==(const Rectification&) const = default;

  bool forHazard() const { return !findingId.empty(); }
  RectificationStage stage() const {
    if (closedAt != 0) return RectificationStage::kClosed;
    if (acceptedAt != 0) return RectificationStage::kAccepted;
    if (completedAt != 0) return RectificationStage::kCompleted;
    return RectificationStage::kOpen;
  }
};

/// What came of knocking on a house's door (走访结果).
enum class VisitOutcome { kInspected, kNobodyHome, kRefusedEntry, kGoneOrNotFound };

/// 走访: one attempt to reach a house. Every door knocked is recorded, the inspection (if any) is
/// a separate record; a visit with outcome kInspected names it.
struct Visit {
  Uuid id;
  Uuid buildingId;
  std::string inspector;  // user name
  TimestampMs visitedAt = 0;
  std::optional<GeoPoint> location;  // when the tablet had a fix
  VisitOutcome outcome = VisitOutcome::kNobodyHome;
  std::string note;
  Uuid inspectionId;  // may be empty; set for kInspected when it came with a submission
  bool operator==(const Visit&) const = default;
};

}  // namespace anju

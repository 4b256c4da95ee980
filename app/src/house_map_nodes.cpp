// HouseMapItem::updatePaintNode: the frame built in updatePolish (m_scene) as scene-graph nodes.
// Runs on the render thread while the GUI thread is blocked, so it may read m_scene.
//
// Hardware renderers: one image node per basemap tile (textures kept while visible), one
// QSGGeometryNode for all outline segments, one QSGGeometryNode for all squares (four vertices and
// six 32-bit indices each, colour per vertex), so 100 000 houses are one draw call.
// Software renderer: it draws no custom geometry, so the whole frame is painted into one image.
#include <QQuickWindow>
#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGImageNode>
#include <QSGRendererInterface>
#include <QSGTexture>
#include <QSGVertexColorMaterial>

#include "house_map_item.h"

namespace anju::app {
namespace {

class MapRootNode : public QSGNode {
 public:
  ~MapRootNode() override {
    qDeleteAll(tileTextures);
    delete softwareTexture;
  }
  QSGNode* tiles = nullptr;                  // child: parent of the tile image nodes
  QHash<quint64, QSGTexture*> tileTextures;  // owned
  QSGGeometryNode* outlines = nullptr;       // child, owned by the scene graph
  QSGGeometryNode* squares = nullptr;        // child, owned by the scene graph
  QSGImageNode* softwareImage = nullptr;     // child, owned by the scene graph
  QSGTexture* softwareTexture = nullptr;     // owned
};

QSGGeometryNode* newGeometryNode(QSGGeometry* geometry, QSGMaterial* material) {
  auto* node = new QSGGeometryNode;
  node->setGeometry(geometry);
  node->setFlag(QSGNode::OwnsGeometry);
  node->setMaterial(material);
  node->setFlag(QSGNode::OwnsMaterial);
  return node;
}

void updateTiles(MapRootNode& root, QQuickWindow& window, const MapScene& scene) {
  if (!root.tiles) {
    root.tiles = new QSGNode;
    root.appendChildNode(root.tiles);  // first child: under outlines and houses
  }
  while (QSGNode* child = root.tiles->firstChild()) {
    root.tiles->removeChildNode(child);
    delete child;
  }
  QHash<quint64, QSGTexture*> keep;
  for (const MapTile& t : scene.tiles) {
    QSGTexture* texture = root.tileTextures.take(t.key);
    if (!texture) texture = window.createTextureFromImage(t.image);
    keep.insert(t.key, texture);
    QSGImageNode* node = window.createImageNode();
    node->setTexture(texture);
    node->setOwnsTexture(false);
    node->setFiltering(QSGTexture::Linear);
    node->setRect(t.rect);
    root.tiles->appendChildNode(node);
  }
  qDeleteAll(root.tileTextures);  // tiles no longer on screen
  root.tileTextures = std::move(keep);
}

void updateOutlines(MapRootNode& root, const MapScene& scene) {
  if (!root.outlines) {
    auto* geometry = new QSGGeometry(QSGGeometry::defaultAttributes_Point2D(), 0);
    geometry->setDrawingMode(QSGGeometry::DrawLines);
    geometry->setLineWidth(2);
    auto* material = new QSGFlatColorMaterial;
    material->setColor(QColor(0x5C, 0x6B, 0xC0));
    root.outlines = newGeometryNode(geometry, material);
    root.appendChildNode(root.outlines);
  }
  QSGGeometry* geometry = root.outlines->geometry();
  geometry->allocate(static_cast<int>(scene.outlines.size() * 2));
  QSGGeometry::Point2D* v = geometry->vertexDataAsPoint2D();
  for (const QLineF& line : scene.outlines) {
    (v++)->set(static_cast<float>(line.x1()), static_cast<float>(line.y1()));
    (v++)->set(static_cast<float>(line.x2()), static_cast<float>(line.y2()));
  }
  root.outlines->markDirty(QSGNode::DirtyGeometry);
}

void updateSquares(MapRootNode& root, const MapScene& scene) {
  if (!root.squares) {
    auto* geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), 0, 0,
                                     QSGGeometry::UnsignedIntType);
    geometry->setDrawingMode(QSGGeometry::DrawTriangles);
    root.squares = newGeometryNode(geometry, new QSGVertexColorMaterial);
    root.appendChildNode(root.squares);
  }
  QSGGeometry* geometry = root.squares->geometry();
  const int count = static_cast<int>(scene.squares.size());
  geometry->allocate(count * 4, count * 6);
  QSGGeometry::ColoredPoint2D* v = geometry->vertexDataAsColoredPoint2D();
  quint32* index = geometry->indexDataAsUInt();
  quint32 base = 0;
  for (const MapSquare& s : scene.squares) {
    const float x = static_cast<float>(s.center.x());
    const float y = static_cast<float>(s.center.y());
    const float h = s.halfSize;
    const auto r = static_cast<uchar>(qRed(s.color));
    const auto g = static_cast<uchar>(qGreen(s.color));
    const auto b = static_cast<uchar>(qBlue(s.color));
    (v++)->set(x - h, y - h, r, g, b, 255);
    (v++)->set(x + h, y - h, r, g, b, 255);
    (v++)->set(x + h, y + h, r, g, b, 255);
    (v++)->set(x - h, y + h, r, g, b, 255);
    for (quint32 corner : {0u, 1u, 2u, 0u, 2u, 3u}) *index++ = base + corner;
    base += 4;
  }
  root.squares->markDirty(QSGNode::DirtyGeometry);
}

void updateSoftwareImage(MapRootNode& root, QQuickWindow& window, const MapScene& scene,
                         QSizeF size) {
  const qreal dpr = window.effectiveDevicePixelRatio();
  QImage image((size * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
  if (image.isNull()) return;
  image.setDevicePixelRatio(dpr);
  image.fill(Qt::transparent);
  paintMapScene(scene, image, true);
  if (!root.softwareImage) {
    root.softwareImage = window.createImageNode();
    root.softwareImage->setOwnsTexture(false);
    root.appendChildNode(root.softwareImage);
  }
  QSGTexture* texture = window.createTextureFromImage(image);
  root.softwareImage->setTexture(texture);
  root.softwareImage->setRect(QRectF(QPointF(0, 0), size));
  delete root.softwareTexture;
  root.softwareTexture = texture;
}

}  // namespace

QSGNode* HouseMapItem::updatePaintNode(QSGNode* old, UpdatePaintNodeData*) {
  QQuickWindow* win = window();
  if (!win || width() <= 0 || height() <= 0) {
    delete old;
    return nullptr;
  }
  auto* root = static_cast<MapRootNode*>(old);
  if (!root) root = new MapRootNode;
  const bool software = win->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
  if (software) {
    updateSoftwareImage(*root, *win, m_scene, size());
  } else {
    updateTiles(*root, *win, m_scene);
    updateOutlines(*root, m_scene);
    updateSquares(*root, m_scene);
  }
  return root;
}

}  // namespace anju::app

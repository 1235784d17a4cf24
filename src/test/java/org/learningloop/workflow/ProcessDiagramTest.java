package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model carries a complete and tidy diagram, so the Modeler and Cockpit draw what the engine
 * runs: one shape per element, an edge per flow that starts at its source and ends at its target,
 * no shapes on top of each other, boundary events on their host's border and an embedded subprocess
 * drawn open around its children.
 */
class ProcessDiagramTest {

  /** How far, in pixels, a waypoint or a boundary event may sit off the outline it belongs on. */
  static final double TOLERANCE = 5;

  /** A test run once for each model of {@link #models()}. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest
  @MethodSource("models")
  @interface EveryModel {}

  static Stream<String> models() {
    return Stream.of(
        FollowUpProcess.RESOURCE,
        ReflectiveConversationProcess.RESOURCE,
        SupportItemProcess.RESOURCE,
        ActionProcess.RESOURCE,
        ModerationProcess.RESOURCE);
  }

  @EveryModel
  void thereIsExactlyOneDiagram(String resource) throws Exception {
    assertThat(readModel(resource).getModelElementsByType(BpmnDiagram.class)).hasSize(1);
  }

  @EveryModel
  void everyFlowNodeAndArtifactHasExactlyOneShapeAndEveryShapeNamesAnElement(String resource)
      throws Exception {
    BpmnModelInstance model = readModel(resource);
    Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
    Map<String, List<BpmnShape>> shapesPerElement = byElement(shapes, BpmnShape::getBpmnElement);
    assertThat(shaped(model))
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat(shapesPerElement.get(e.getId()))
                    .as("shapes of " + e.getId())
                    .hasSize(1));
    assertThat(shapes)
        .allSatisfy(s -> assertThat(s.getBounds()).as("bounds of " + s.getId()).isNotNull());
  }

  @EveryModel
  void everySequenceFlowAndAssociationHasOneEdgeWithAtLeastTwoWaypoints(String resource)
      throws Exception {
    BpmnModelInstance model = readModel(resource);
    Map<String, List<BpmnEdge>> edgesPerElement =
        byElement(model.getModelElementsByType(BpmnEdge.class), BpmnEdge::getBpmnElement);
    assertThat(connectors(model))
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(edgesPerElement.get(c.getId())).as("edges of " + c.getId()).hasSize(1);
              assertThat(edgesPerElement.get(c.getId()).get(0).getWaypoints())
                  .as("waypoints of " + c.getId())
                  .hasSizeGreaterThanOrEqualTo(2);
            });
  }

  @EveryModel
  void everyEdgeStartsAtItsSourceAndEndsAtItsTarget(String resource) throws Exception {
    Drawing drawing = Drawing.of(resource);
    for (BpmnEdge edge : drawing.model().getModelElementsByType(BpmnEdge.class)) {
      List<Waypoint> waypoints = new ArrayList<>(edge.getWaypoints());
      BaseElement connector = edge.getBpmnElement();
      BaseElement source =
          connector instanceof SequenceFlow flow
              ? flow.getSource()
              : ((Association) connector).getSource();
      BaseElement target =
          connector instanceof SequenceFlow flow
              ? flow.getTarget()
              : ((Association) connector).getTarget();
      assertDocked(
          connector.getId() + " starts at " + source.getId(),
          waypoints.get(0),
          drawing.shapes().get(source.getId()));
      assertDocked(
          connector.getId() + " ends at " + target.getId(),
          waypoints.get(waypoints.size() - 1),
          drawing.shapes().get(target.getId()));
    }
  }

  @EveryModel
  void shapesOfTheSameLevelDoNotOverlap(String resource) throws Exception {
    Drawing drawing = Drawing.of(resource);
    Map<String, List<BaseElement>> levels =
        shaped(drawing.model()).stream()
            .collect(Collectors.groupingBy(e -> ((BaseElement) e.getParentElement()).getId()));
    for (List<BaseElement> level : levels.values()) {
      for (int i = 0; i < level.size(); i++) {
        for (int j = i + 1; j < level.size(); j++) {
          BaseElement a = level.get(i);
          BaseElement b = level.get(j);
          if (b.getId().equals(host(a)) || a.getId().equals(host(b))) {
            continue; // a boundary event sits on its host: see
            // boundaryEventsSitOnTheBorderOfTheirHost
          }
          assertThat(overlap(drawing.box(a.getId()), drawing.box(b.getId())))
              .as(a.getId() + " and " + b.getId() + " overlap")
              .isFalse();
        }
      }
    }
  }

  @EveryModel
  void boundaryEventsSitOnTheBorderOfTheirHost(String resource) throws Exception {
    Drawing drawing = Drawing.of(resource);
    for (BoundaryEvent event : drawing.model().getModelElementsByType(BoundaryEvent.class)) {
      Box own = drawing.box(event.getId());
      Box host = drawing.box(event.getAttachedTo().getId());
      assertThat(host.distanceToBorder(own.centreX(), own.centreY()))
          .as("centre of " + event.getId() + " from the border of " + event.getAttachedTo().getId())
          .isLessThanOrEqualTo(TOLERANCE);
    }
  }

  @EveryModel
  void embeddedSubprocessesAreDrawnOpenAroundTheirChildren(String resource) throws Exception {
    Drawing drawing = Drawing.of(resource);
    for (SubProcess subProcess : drawing.model().getModelElementsByType(SubProcess.class)) {
      Box outer = drawing.box(subProcess.getId());
      assertThat(drawing.shapes().get(subProcess.getId()).isExpanded())
          .as(subProcess.getId() + " is expanded")
          .isTrue();
      for (FlowElement child : subProcess.getFlowElements()) {
        if (child instanceof FlowNode) {
          Box inner = drawing.box(child.getId());
          assertThat(outer.contains(inner))
              .as(child.getId() + " inside " + subProcess.getId())
              .isTrue();
        }
      }
    }
  }

  @EveryModel
  void namedEventsGatewaysAndFlowsHaveALabel(String resource) throws Exception {
    Drawing drawing = Drawing.of(resource);
    Map<String, BpmnEdge> edges =
        drawing.model().getModelElementsByType(BpmnEdge.class).stream()
            .collect(Collectors.toMap(e -> e.getBpmnElement().getId(), Function.identity()));
    Stream.concat(
            drawing.model().getModelElementsByType(Event.class).stream(),
            drawing.model().getModelElementsByType(Gateway.class).stream())
        .filter(node -> node.getName() != null && !node.getName().isBlank())
        .forEach(
            node ->
                assertLabelled(node.getId(), drawing.shapes().get(node.getId()).getBpmnLabel()));
    drawing.model().getModelElementsByType(SequenceFlow.class).stream()
        .filter(flow -> flow.getName() != null && !flow.getName().isBlank())
        .forEach(flow -> assertLabelled(flow.getId(), edges.get(flow.getId()).getBpmnLabel()));
  }

  /**
   * Drawings by the id of the element each draws, each asserted to name an element (a drawing that
   * names none fails the test).
   */
  private static <D extends DiagramElement> Map<String, List<D>> byElement(
      Collection<D> drawings, Function<D, BaseElement> element) {
    assertThat(drawings)
        .allSatisfy(
            d -> assertThat(element.apply(d)).as(d.getId() + " names an element").isNotNull());
    return drawings.stream().collect(Collectors.groupingBy(d -> element.apply(d).getId()));
  }

  private static void assertLabelled(String id, BpmnLabel label) {
    assertThat(label).as("label of " + id).isNotNull();
    assertThat(label.getBounds()).as("label bounds of " + id).isNotNull();
  }

  /**
   * Elements drawn as shapes: flow nodes (boundary events and nested ones included), annotations
   * and data.
   */
  private static List<BaseElement> shaped(BpmnModelInstance model) {
    List<BaseElement> elements = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    elements.addAll(model.getModelElementsByType(TextAnnotation.class));
    elements.addAll(model.getModelElementsByType(DataObjectReference.class));
    elements.addAll(model.getModelElementsByType(DataStoreReference.class));
    return elements;
  }

  /** Elements drawn as edges: sequence flows and associations. */
  private static List<BaseElement> connectors(BpmnModelInstance model) {
    List<BaseElement> elements = new ArrayList<>(model.getModelElementsByType(SequenceFlow.class));
    elements.addAll(model.getModelElementsByType(Association.class));
    return elements;
  }

  /** A model and its shapes by the id of the element each draws. */
  private record Drawing(BpmnModelInstance model, Map<String, BpmnShape> shapes) {

    static Drawing of(String resource) throws Exception {
      BpmnModelInstance model = readModel(resource);
      return new Drawing(
          model,
          model.getModelElementsByType(BpmnShape.class).stream()
              .collect(Collectors.toMap(s -> s.getBpmnElement().getId(), Function.identity())));
    }

    Box box(String elementId) {
      return ProcessDiagramTest.box(shapes, elementId);
    }
  }

  /** The id of the activity a boundary event is attached to, null for anything else. */
  private static String host(BaseElement element) {
    return element instanceof BoundaryEvent event ? event.getAttachedTo().getId() : null;
  }

  /**
   * A waypoint docks where it is at most {@link #TOLERANCE} off the shape's bounds and off its
   * outline: the circle of an event, the diamond of a gateway, the rectangle of anything else.
   */
  private static void assertDocked(String what, Waypoint point, BpmnShape shape) {
    assertThat(shape).as(what + ": shape").isNotNull();
    Box box = box(shape);
    double x = point.getX();
    double y = point.getY();
    assertThat(box.distanceOutside(x, y))
        .as(what + ": off the bounds")
        .isLessThanOrEqualTo(TOLERANCE);
    BaseElement element = shape.getBpmnElement();
    double offOutline =
        element instanceof Event
            ? Math.abs(
                Math.hypot(x - box.centreX(), y - box.centreY())
                    - Math.min(box.width(), box.height()) / 2)
            : element instanceof Gateway ? box.distanceToDiamond(x, y) : box.distanceToBorder(x, y);
    assertThat(offOutline).as(what + ": off the outline").isLessThanOrEqualTo(TOLERANCE);
  }

  private static Box box(Map<String, BpmnShape> shapes, String elementId) {
    assertThat(shapes.get(elementId)).as("shape of " + elementId).isNotNull();
    return box(shapes.get(elementId));
  }

  private static Box box(BpmnShape shape) {
    Bounds b = shape.getBounds();
    return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
  }

  /** Touching is fine, a shared area is not. */
  private static boolean overlap(Box a, Box b) {
    return a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
  }

  record Box(double x, double y, double width, double height) {
    double right() {
      return x + width;
    }

    double bottom() {
      return y + height;
    }

    double centreX() {
      return x + width / 2;
    }

    double centreY() {
      return y + height / 2;
    }

    boolean contains(Box other) {
      return other.x() >= x
          && other.y() >= y
          && other.right() <= right()
          && other.bottom() <= bottom();
    }

    /** 0 on or inside the bounds. */
    double distanceOutside(double px, double py) {
      double dx = Math.max(0, Math.max(x - px, px - right()));
      double dy = Math.max(0, Math.max(y - py, py - bottom()));
      return Math.hypot(dx, dy);
    }

    double distanceToBorder(double px, double py) {
      return Math.min(
          Math.min(
              segment(px, py, x, y, right(), y), segment(px, py, right(), y, right(), bottom())),
          Math.min(
              segment(px, py, right(), bottom(), x, bottom()), segment(px, py, x, bottom(), x, y)));
    }

    double distanceToDiamond(double px, double py) {
      double cx = centreX();
      double cy = centreY();
      return Math.min(
          Math.min(segment(px, py, cx, y, right(), cy), segment(px, py, right(), cy, cx, bottom())),
          Math.min(segment(px, py, cx, bottom(), x, cy), segment(px, py, x, cy, cx, y)));
    }

    private static double segment(
        double px, double py, double ax, double ay, double bx, double by) {
      double dx = bx - ax;
      double dy = by - ay;
      double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }
  }

  private static BpmnModelInstance readModel(String resource) throws Exception {
    try (InputStream in = ProcessDiagramTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return Bpmn.readModelFromStream(in);
    }
  }
}

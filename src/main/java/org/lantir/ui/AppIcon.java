package org.lantir.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The application icon, drawn from the one source artwork {@code icons/lantir.svg} (copied
 * into the jar by the build), so the window icon never drifts from the installers' icons.
 * Only what the artwork uses is understood: {@code rect} and {@code path} with fill and stroke.
 */
public final class AppIcon {

    static final String ARTWORK = "/org/lantir/ui/icons/lantir.svg";
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static final double ARTWORK_SIZE = 512;

    private AppIcon() {
    }

    /** The icon in the sizes window managers pick from; call on the JavaFX thread. */
    public static List<Image> images() {
        Group artwork = artwork();
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            images.add(render(artwork, size));
        }
        return images;
    }

    /** One square rendering of the artwork; call on the JavaFX thread. */
    public static Image render(int size) {
        return render(artwork(), size);
    }

    private static Image render(Group artwork, int size) {
        artwork.getTransforms().setAll(new Scale(size / ARTWORK_SIZE, size / ARTWORK_SIZE));
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        // The whole canvas, not the shapes' bounds: the artwork has a margin, and every
        // platform icon must be exactly size x size.
        parameters.setViewport(new Rectangle2D(0, 0, size, size));
        return artwork.snapshot(parameters, null);
    }

    static Group artwork() {
        Group group = new Group();
        NodeList shapes = document().getDocumentElement().getChildNodes();
        for (int i = 0; i < shapes.getLength(); i++) {
            if (shapes.item(i) instanceof Element element) {
                Node shape = shape(element);
                if (shape != null) {
                    group.getChildren().add(shape);
                }
            }
        }
        return group;
    }

    private static Node shape(Element element) {
        Shape shape;
        switch (element.getTagName()) {
            case "rect" -> {
                Rectangle rect = new Rectangle(number(element, "x"), number(element, "y"),
                        number(element, "width"), number(element, "height"));
                rect.setArcWidth(2 * number(element, "rx"));
                rect.setArcHeight(2 * number(element, "rx"));
                shape = rect;
            }
            case "path" -> {
                SVGPath path = new SVGPath();
                path.setContent(element.getAttribute("d"));
                shape = path;
            }
            default -> {
                return null;
            }
        }
        style(shape, element);
        return shape;
    }

    private static void style(Shape shape, Element element) {
        shape.setFill(paint(element.getAttribute("fill")));
        shape.setStroke(paint(element.getAttribute("stroke")));
        if (element.hasAttribute("stroke-width")) {
            shape.setStrokeWidth(number(element, "stroke-width"));
        }
        if ("round".equals(element.getAttribute("stroke-linecap"))) {
            shape.setStrokeLineCap(StrokeLineCap.ROUND);
        }
        if ("round".equals(element.getAttribute("stroke-linejoin"))) {
            shape.setStrokeLineJoin(StrokeLineJoin.ROUND);
        }
    }

    /** SVG's default fill is black and default stroke none; the artwork sets both where used. */
    private static Paint paint(String value) {
        if (value.isEmpty() || "none".equals(value)) {
            return null;
        }
        return Color.web(value);
    }

    private static double number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        return value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    private static Document document() {
        try (InputStream in = AppIcon.class.getResourceAsStream(ARTWORK)) {
            if (in == null) {
                throw new IllegalStateException("icon artwork missing from the jar: " + ARTWORK);
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("icon artwork is not valid SVG: " + e.getMessage(), e);
        }
    }
}

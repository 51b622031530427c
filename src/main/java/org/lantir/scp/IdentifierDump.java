package org.lantir.scp;

import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Element;
import org.lantir.dicom.data.Tag;

/**
 * A data set written out one element per line, {@code (0010,0010) PN [DOE^J*]}, items
 * indented with {@code >}. For DEBUG lines only: the values may be patient data.
 */
final class IdentifierDump {

    private IdentifierDump() {
    }

    static String of(Dataset ds) {
        StringBuilder out = new StringBuilder();
        append(out, ds, "");
        return out.toString();
    }

    private static void append(StringBuilder out, Dataset ds, String indent) {
        for (Element e : ds) {
            out.append('\n').append(indent).append(Tag.toString(e.tag())).append(' ')
                    .append(e.vr());
            if (e.value() instanceof List<?> items) {
                out.append(" #").append(items.size());
                for (Object item : items) {
                    append(out, (Dataset) item, indent + ">");
                }
            } else if (e.value() instanceof String text) {
                out.append(" [").append(text).append(']');
            } else {
                out.append(" (").append(((byte[]) e.value()).length).append(" bytes)");
            }
        }
    }
}

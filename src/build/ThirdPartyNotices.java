import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Build step (run by the pom's exec-maven-plugin as a single-file Java program, so it is not
 * shipped): writes the license notices of every runtime library into the jar.
 *
 * <p>Input: the output of {@code dependency:list -DoutputAbsoluteArtifactFilename=true}, one
 * resolved jar a line. For each library it reads the licenses its POM declares, or, where the
 * POM declares none, the nearest parent POM's (Maven inherits {@code <licenses>}), from the
 * local repository the jars were resolved into. A library whose POMs declare no license is
 * written with "(no license declared in its POM)", which ThirdPartyNoticesTest refuses.
 *
 * <p>Usage: {@code java ThirdPartyNotices.java <dependency list> <output file> <project name>
 * <project version>}
 */
public final class ThirdPartyNotices {

    static final String NO_LICENSE = "(no license declared in its POM)";

    /** {@code g:a:type[:classifier]:v:scope:/path/to.jar[ -- module m]} */
    private static final Pattern LINE = Pattern.compile("^\\s*([^:\\s]+):([^:]+):([^:]+):"
            + "(?:([^:]+):)?([^:]+):(compile|runtime|system|provided):(.+?)(?: -- module .*)?$");

    private record License(String name, String url) {
    }

    private record Library(String coordinates, List<String> files, List<License> licenses) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ThirdPartyNotices <dependency list> "
                    + "<output file> <project name> <project version>");
        }
        Map<String, Library> libraries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String coordinates = m.group(1) + ":" + m.group(2) + ":" + m.group(5);
            Path jar = Path.of(m.group(7).trim());
            Library library = libraries.get(coordinates);
            if (library == null) {
                library = new Library(coordinates, new ArrayList<>(),
                        licenses(pomBeside(jar, m.group(2), m.group(5)), m.group(1)));
                libraries.put(coordinates, library);
            }
            library.files().add(jar.getFileName().toString());
        }
        if (libraries.isEmpty()) {
            throw new IllegalStateException("no library found in " + args[0]);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, notices(args[2], args[3], libraries.values()),
                StandardCharsets.UTF_8);
    }

    private static String notices(String name, String version, Iterable<Library> libraries) {
        StringBuilder text = new StringBuilder();
        text.append(name).append(' ').append(version).append(" bundles the libraries below, ")
                .append("each under its own license\n(read from each library's Maven POM ")
                .append("when this build was made).\n");
        for (Library library : libraries) {
            text.append('\n').append(library.coordinates()).append('\n');
            text.append("    Files: ").append(String.join(", ", library.files())).append('\n');
            if (library.licenses().isEmpty()) {
                text.append("    License: ").append(NO_LICENSE).append('\n');
            }
            for (License license : library.licenses()) {
                text.append("    License: ").append(license.name());
                if (!license.url().isEmpty()) {
                    text.append(" <").append(license.url()).append('>');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** The POM of {@code a-v[-classifier].jar}: {@code a-v.pom} in the same folder. */
    private static Path pomBeside(Path jar, String artifactId, String version) {
        return jar.resolveSibling(artifactId + "-" + version + ".pom");
    }

    /** The licenses of this POM, else of its nearest parent that declares some. */
    private static List<License> licenses(Path pom, String groupId) throws Exception {
        Path repository = repositoryRoot(pom, groupId);
        Path current = pom;
        for (int depth = 0; depth < 10 && current != null && Files.isRegularFile(current);
                depth++) {
            Element project = parse(current).getDocumentElement();
            List<License> found = declared(project);
            if (!found.isEmpty()) {
                return found;
            }
            current = parentPom(project, repository);
        }
        return List.of();
    }

    /** {@code repo/g/r/o/u/p/artifact/version/file.pom} -> {@code repo}. */
    private static Path repositoryRoot(Path pom, String groupId) {
        Path root = pom.getParent().getParent().getParent();
        for (int i = 0; i < groupId.split("\\.").length; i++) {
            root = root.getParent();
        }
        return root;
    }

    private static Path parentPom(Element project, Path repository) {
        Element parent = child(project, "parent");
        if (parent == null) {
            return null;
        }
        String g = text(parent, "groupId");
        String a = text(parent, "artifactId");
        String v = text(parent, "version");
        return repository.resolve(g.replace('.', '/')).resolve(a).resolve(v)
                .resolve(a + "-" + v + ".pom");
    }

    private static List<License> declared(Element project) {
        List<License> licenses = new ArrayList<>();
        Element list = child(project, "licenses");
        if (list == null) {
            return licenses;
        }
        for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element license && "license".equals(license.getTagName())) {
                String name = text(license, "name").replaceAll("\\s+", " ");
                String url = text(license, "url");
                if (!name.isEmpty() || !url.isEmpty()) {
                    licenses.add(new License(name.isEmpty() ? url : name, url));
                }
            }
        }
        return licenses;
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? "" : e.getTextContent().trim();
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }
}

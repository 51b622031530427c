package org.lantir.sync.calpendo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;

/** The README's whole Calpendo example loads as written, with its mapping in place. */
class ReadmeCalpendoExampleTest {

    @Test
    void theReadmesCalpendoExampleLoads() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int intro = readme.indexOf("A whole Calpendo source:");
        assertThat(intro).as("the example's introduction").isPositive();
        int start = readme.indexOf("```json\n", intro) + "```json\n".length();
        String json = readme.substring(start, readme.indexOf("```", start));

        LantirConfig config = ConfigLoader.parse(json, null, Path.of("."));
        CalpendoSettings settings = CalpendoSettings.from(config.dataSources().get(0));

        assertThat(settings.resources()).containsExactly("3T Diagnostic", "EEG Lab");
        assertThat(settings.rawValueOnMismatch()).isFalse();
        assertThat(settings.fields().get(CalpendoField.PATIENT_ID).extract("SUB2041_Okafor"))
                .contains("SUB2041");
    }
}

package org.lantir.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lantir.config.DataSourceConfig;

/**
 * The configuration form has no fields of its own for the folder source types (they are
 * edited in the JSON tab); a folder source it shows passes its checks and comes back from it
 * exactly as it was read.
 */
class FolderSourceFormTest {

    @Test
    void aFolderSourceGoesThroughTheFormUnchanged() {
        for (String type : new String[] {DataSourceConfig.TYPE_CSV_FOLDER,
            DataSourceConfig.TYPE_WL_FOLDER}) {
            DataSourceConfig source = DataSourceConfig.of("drop", type,
                    Map.of("path", "/srv/lantir/drop", "modality", "MR",
                            "settle_seconds", 5), Map.of());
            SourceForm form = new SourceForm(source, 0);
            Problems problems = new Problems();

            form.check(problems, new HashSet<>());

            assertThat(problems.lines()).as(type).isEmpty();
            assertThat(form.toConfig()).as(type).isEqualTo(source);
        }
    }
}

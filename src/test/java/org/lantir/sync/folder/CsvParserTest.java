package org.lantir.sync.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 as spreadsheets and scripts write it, and what happens when they do not. */
class CsvParserTest {

    private static List<List<String>> fields(String text) {
        return CsvParser.parse(text, ',').stream().map(CsvParser.Record::fields).toList();
    }

    @Test
    void plainRecordsEndWithAnyLineBreak() {
        assertThat(fields("a,b,c\r\n1,2,3\n4,5,6\r7,8,9")).containsExactly(
                List.of("a", "b", "c"), List.of("1", "2", "3"), List.of("4", "5", "6"),
                List.of("7", "8", "9"));
    }

    @Test
    void quotedFieldsHoldDelimitersDoubledQuotesAndLineBreaks() {
        List<CsvParser.Record> records = CsvParser.parse(
                "name,comment\n\"Doe, Jane\",\"She said \"\"hi\"\"\nthen left\"\nnext,one\n",
                ',');

        assertThat(records).extracting(CsvParser.Record::line, CsvParser.Record::fields)
                .containsExactly(
                        tuple(1, List.of("name", "comment")),
                        tuple(2, List.of("Doe, Jane", "She said \"hi\"\nthen left")),
                        tuple(4, List.of("next", "one")));
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreDropped() {
        assertThat(fields("\uFEFFpatient_id,x\n\n1,2\r\n\r\n")).containsExactly(
                List.of("patient_id", "x"), List.of("1", "2"));
    }

    @Test
    void emptyFieldsAndATrailingDelimiterCount() {
        assertThat(fields("a,,c,\n,,,\n")).containsExactly(List.of("a", "", "c", ""),
                List.of("", "", "", ""));
    }

    @Test
    void otherDelimiters() {
        assertThat(CsvParser.parse("a;\"b;c\";d", ';').get(0).fields())
                .containsExactly("a", "b;c", "d");
        assertThat(CsvParser.parse("a\t\"b\tc\"\n", '\t').get(0).fields())
                .containsExactly("a", "b\tc");
        assertThatThrownBy(() -> CsvParser.parse("a", '"'))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textAfterAClosingQuoteIsAnErrorOfThatRecordOnly() {
        List<CsvParser.Record> records = CsvParser.parse("a,b\n1,\"x\"y\n3,4\n", ',');

        assertThat(records).hasSize(3);
        assertThat(records.get(1).isValid()).isFalse();
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).errorColumn()).isEqualTo(2);
        assertThat(records.get(1).error()).contains("after the closing quote");
        assertThat(records.get(2).fields()).containsExactly("3", "4");
    }

    @Test
    void aQuoteNeverClosedNamesTheLineItOpenedOn() {
        List<CsvParser.Record> records = CsvParser.parse("a,b\n1,2\n3,\"open\n4,5\n", ',');

        CsvParser.Record last = records.get(records.size() - 1);
        assertThat(last.isValid()).isFalse();
        assertThat(last.line()).isEqualTo(3);
        assertThat(last.errorColumn()).isEqualTo(2);
        assertThat(last.error()).contains("opened on line 3 is never closed");
    }

    @Test
    void aQuoteInsideAPlainFieldIsTakenAsItIs() {
        assertThat(fields("5'11\",x\n")).containsExactly(List.of("5'11\"", "x"));
    }
}

/**
 * DICOM data structures and encoding, without networking: tags and the data dictionary
 * (PS3.6, PS3.7 Annex E), VRs and data sets with nested sequences (PS3.5 §6, §7), Implicit and
 * Explicit VR Little Endian codecs (PS3.5 Annex A), Specific Character Set with ISO 2022 code
 * extensions (PS3.5 §6.1, PS3.3 C.12.1.1.2), person names (PS3.5 §6.2.1), DA/TM/DT values and
 * their range keys (PS3.4 C.2.2.2.5), and UIDs (PS3.5 §9, Annex B).
 *
 * <p>Checked against the 2024 editions of PS3.3 to PS3.7; dictionary VRs against the PS3.6
 * registry. Choices where the standard leaves room are written where they live, marked
 * {@code DEVIATION:} when they depart from it:
 * <ul>
 *   <li>ISO-IR 14 (JIS X 0201 Romaji) is handled as ISO-IR 6, because its 05/12 is the value
 *       delimiter ({@code CodeElement}).</li>
 *   <li>Text is decoded leniently (undeclared 8-bit bytes as ISO-IR 100, unknown escapes kept)
 *       but encoded strictly: a character the declared set cannot hold fails the write.</li>
 *   <li>A TM range whose start is after its end (over midnight) is a malformed key; combined
 *       DA and TM matching covers such periods ({@link org.lantir.dicom.data.DateTimes}).</li>
 * </ul>
 */
package org.lantir.dicom.data;

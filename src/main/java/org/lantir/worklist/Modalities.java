package org.lantir.worklist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Modality (0008,0060) codes a row entered by hand may name: the acquisition modalities of
 * PS3.16 CID 29, each a defined term of PS3.3 C.7.3.1.1.1. A scheduled step is an
 * acquisition, so object types such as SR, PR or SEG are not offered.
 *
 * <p>EEG, which the Python tool's sites schedule, is among them: electroencephalography came
 * into CID 29 with the neurophysiology waveforms, together with EMG and EOG.
 *
 * <p>Rows from a data source are not held to this list: the worklist publishes any valid CS
 * value (C15), and a source's modality is its owner's choice.
 */
public final class Modalities {

    private static final Map<String, String> ACQUISITION = acquisition();

    private Modalities() {
    }

    /** Whether {@code code} is one of the acquisition modalities (exact, upper case). */
    public static boolean isKnown(String code) {
        return code != null && ACQUISITION.containsKey(code);
    }

    /** Code to meaning, in alphabetical order of the codes. */
    public static Map<String, String> all() {
        return ACQUISITION;
    }

    private static Map<String, String> acquisition() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("AR", "Autorefraction");
        codes.put("BDUS", "Bone densitometry (ultrasound)");
        codes.put("BI", "Biomagnetic imaging");
        codes.put("BMD", "Bone densitometry (X-ray)");
        codes.put("CFM", "Confocal microscopy");
        codes.put("CR", "Computed radiography");
        codes.put("CT", "Computed tomography");
        codes.put("DG", "Diaphanography");
        codes.put("DMS", "Dermoscopy");
        codes.put("DX", "Digital radiography");
        codes.put("ECG", "Electrocardiography");
        codes.put("EEG", "Electroencephalography");
        codes.put("EMG", "Electromyography");
        codes.put("EOG", "Electrooculography");
        codes.put("EPS", "Cardiac electrophysiology");
        codes.put("ES", "Endoscopy");
        codes.put("GM", "General microscopy");
        codes.put("HD", "Hemodynamic waveform");
        codes.put("IO", "Intra-oral radiography");
        codes.put("IVOCT", "Intravascular optical coherence tomography");
        codes.put("IVUS", "Intravascular ultrasound");
        codes.put("KER", "Keratometry");
        codes.put("LEN", "Lensometry");
        codes.put("LS", "Laser surface scan");
        codes.put("MG", "Mammography");
        codes.put("MR", "Magnetic resonance");
        codes.put("NM", "Nuclear medicine");
        codes.put("OAM", "Ophthalmic axial measurements");
        codes.put("OCT", "Optical coherence tomography");
        codes.put("OP", "Ophthalmic photography");
        codes.put("OPM", "Ophthalmic mapping");
        codes.put("OPT", "Ophthalmic tomography");
        codes.put("OPTBSV", "Ophthalmic tomography B-scan volume analysis");
        codes.put("OPTENF", "Ophthalmic tomography en face");
        codes.put("OPV", "Ophthalmic visual field");
        codes.put("OSS", "Optical surface scan");
        codes.put("PA", "Photoacoustic imaging");
        codes.put("POS", "Position sensor");
        codes.put("PT", "Positron emission tomography");
        codes.put("PX", "Panoramic X-ray");
        codes.put("RESP", "Respiratory waveform");
        codes.put("RF", "Radiofluoroscopy");
        codes.put("RG", "Radiographic imaging (film/screen)");
        codes.put("RTIMAGE", "Radiotherapy image");
        codes.put("SM", "Slide microscopy");
        codes.put("SRF", "Subjective refraction");
        codes.put("TG", "Thermography");
        codes.put("US", "Ultrasound");
        codes.put("VA", "Visual acuity");
        codes.put("XA", "X-ray angiography");
        codes.put("XC", "External-camera photography");
        return Collections.unmodifiableMap(codes);
    }
}

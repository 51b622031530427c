package org.lantir.worklist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One Scheduled Procedure Step of the worklist, with the patient, imaging service request and
 * requested procedure it belongs to (the Modality Worklist information model of PS3.4 K.6
 * flattened to one row: Lantir schedules one step per requested procedure).
 *
 * <p>Values are kept as real values (dates, times, kilograms); DICOM text forms are made only
 * at the wire. Immutable: change a copy through {@link #toBuilder()}.
 */
public final class WorklistItem {

    private final Long id;

    private final String patientName;
    private final String patientId;
    private final String issuerOfPatientId;
    private final LocalDate patientBirthDate;
    private final String patientSex;
    private final BigDecimal patientWeightKg;
    private final BigDecimal patientSizeM;
    private final String patientComments;

    private final String accessionNumber;
    private final String referringPhysicianName;

    private final String requestedProcedureId;
    private final String requestedProcedureDescription;
    private final String studyInstanceUid;
    private final CodedEntry requestedProcedureCode;
    private final String requestedProcedureComments;

    private final String spsId;
    private final String modality;
    private final String scheduledStationAeTitle;
    private final String scheduledStationName;
    private final LocalDate scheduledStartDate;
    private final LocalTime scheduledStartTime;
    private final LocalDate scheduledEndDate;
    private final LocalTime scheduledEndTime;
    private final String spsDescription;
    private final CodedEntry protocolCode;
    private final String performingPhysicianName;
    private final String spsComments;
    private final ProcedureStepStatus status;
    private final ExtraAttributes extraAttributes;

    private final String dataSource;
    private final String sourceKey;
    private final Instant createdAt;
    private final Instant updatedAt;

    private WorklistItem(Builder b) {
        this.id = b.id;
        this.patientName = b.patientName;
        this.patientId = b.patientId;
        this.issuerOfPatientId = b.issuerOfPatientId;
        this.patientBirthDate = b.patientBirthDate;
        this.patientSex = b.patientSex;
        this.patientWeightKg = b.patientWeightKg;
        this.patientSizeM = b.patientSizeM;
        this.patientComments = b.patientComments;
        this.accessionNumber = b.accessionNumber;
        this.referringPhysicianName = b.referringPhysicianName;
        this.requestedProcedureId = b.requestedProcedureId;
        this.requestedProcedureDescription = b.requestedProcedureDescription;
        this.studyInstanceUid = b.studyInstanceUid;
        this.requestedProcedureCode = b.requestedProcedureCode;
        this.requestedProcedureComments = b.requestedProcedureComments;
        this.spsId = b.spsId;
        this.modality = b.modality;
        this.scheduledStationAeTitle = b.scheduledStationAeTitle;
        this.scheduledStationName = b.scheduledStationName;
        this.scheduledStartDate = b.scheduledStartDate;
        this.scheduledStartTime = b.scheduledStartTime;
        this.scheduledEndDate = b.scheduledEndDate;
        this.scheduledEndTime = b.scheduledEndTime;
        this.spsDescription = b.spsDescription;
        this.protocolCode = b.protocolCode;
        this.performingPhysicianName = b.performingPhysicianName;
        this.spsComments = b.spsComments;
        this.status = Objects.requireNonNullElse(b.status, ProcedureStepStatus.SCHEDULED);
        this.extraAttributes = b.extraAttributes;
        this.dataSource = b.dataSource;
        this.sourceKey = b.sourceKey;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Database key; null until stored. */
    public Long id() {
        return id;
    }

    public String patientName() {
        return patientName;
    }

    public String patientId() {
        return patientId;
    }

    public String issuerOfPatientId() {
        return issuerOfPatientId;
    }

    public LocalDate patientBirthDate() {
        return patientBirthDate;
    }

    /** {@code M}, {@code F}, {@code O} (PS3.3 C.7.1.1) or null. */
    public String patientSex() {
        return patientSex;
    }

    /** Patient's Weight in kilograms (PS3.3 C.7.2.2), or null when unknown. */
    public BigDecimal patientWeightKg() {
        return patientWeightKg;
    }

    /** Patient's Size in metres (PS3.3 C.7.2.2), or null when unknown. */
    public BigDecimal patientSizeM() {
        return patientSizeM;
    }

    /**
     * Patient Comments (0010,4000), LT: free text about the patient, or null. At most
     * {@link LongText#MAX_CHARACTERS} characters once stored (see {@link LongText}).
     */
    public String patientComments() {
        return patientComments;
    }

    public String accessionNumber() {
        return accessionNumber;
    }

    public String referringPhysicianName() {
        return referringPhysicianName;
    }

    public String requestedProcedureId() {
        return requestedProcedureId;
    }

    public String requestedProcedureDescription() {
        return requestedProcedureDescription;
    }

    public String studyInstanceUid() {
        return studyInstanceUid;
    }

    public CodedEntry requestedProcedureCode() {
        return requestedProcedureCode;
    }

    /** Requested Procedure Comments (0040,1400), LT, or null. */
    public String requestedProcedureComments() {
        return requestedProcedureComments;
    }

    public String spsId() {
        return spsId;
    }

    public String modality() {
        return modality;
    }

    public String scheduledStationAeTitle() {
        return scheduledStationAeTitle;
    }

    public String scheduledStationName() {
        return scheduledStationName;
    }

    public LocalDate scheduledStartDate() {
        return scheduledStartDate;
    }

    public LocalTime scheduledStartTime() {
        return scheduledStartTime;
    }

    /**
     * Scheduled Procedure Step End Date (0040,0004), site-local, or null when the source does
     * not say when the step ends (PS3.3 C.4.10).
     */
    public LocalDate scheduledEndDate() {
        return scheduledEndDate;
    }

    /** Scheduled Procedure Step End Time (0040,0005), site-local, or null. */
    public LocalTime scheduledEndTime() {
        return scheduledEndTime;
    }

    public String spsDescription() {
        return spsDescription;
    }

    /** Scheduled Protocol Code Sequence entry (0040,0008), or null. */
    public CodedEntry protocolCode() {
        return protocolCode;
    }

    public String performingPhysicianName() {
        return performingPhysicianName;
    }

    /** Comments on the Scheduled Procedure Step (0040,0400), LT, or null. */
    public String spsComments() {
        return spsComments;
    }

    public ProcedureStepStatus status() {
        return status;
    }

    /**
     * The attributes Lantir has no column for, as a DICOM worklist file gave them, or null
     * (see {@link ExtraAttributes}).
     */
    public ExtraAttributes extraAttributes() {
        return extraAttributes;
    }

    /** Name of the data source that produced the row, or null for a row made by hand. */
    public String dataSource() {
        return dataSource;
    }

    /** The source's own key for the row, so that a re-sync updates instead of duplicating. */
    public String sourceKey() {
        return sourceKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorklistItem other && Objects.equals(id, other.id)
                && status == other.status && toBuilder().sameContent(other.toBuilder());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, patientId, spsId, studyInstanceUid, scheduledStartDate);
    }

    /** Identifies the row without patient data, so it may appear in INFO lines. */
    @Override
    public String toString() {
        return "WorklistItem[id=" + id + ", sps=" + spsId + ", source=" + dataSource
                + ", key=" + sourceKey + ", status=" + status + "]";
    }

    /** A code triplet: Code Value, Coding Scheme Designator, Code Meaning (PS3.3 8.1-8.3). */
    public record CodedEntry(String value, String schemeDesignator, String meaning) {

        /**
         * The triplet of a code item (PS3.3 Table 8.8-1), its value from Code Value or else
         * Long Code Value; null for no item or an item without any of the three.
         */
        public static CodedEntry of(org.lantir.dicom.data.Dataset item) {
            if (item == null) {
                return null;
            }
            String value = item.getString(org.lantir.dicom.data.Tag.CodeValue);
            if (value == null) {
                value = item.getString(org.lantir.dicom.data.Tag.LongCodeValue);
            }
            String scheme = item.getString(org.lantir.dicom.data.Tag.CodingSchemeDesignator);
            String meaning = item.getString(org.lantir.dicom.data.Tag.CodeMeaning);
            if (value == null && scheme == null && meaning == null) {
                return null;
            }
            return new CodedEntry(value, scheme, meaning);
        }
    }

    /** Assembles a {@link WorklistItem}; unset fields are null (status: SCHEDULED). */
    public static final class Builder {
        private Long id;
        private String patientName;
        private String patientId;
        private String issuerOfPatientId;
        private LocalDate patientBirthDate;
        private String patientSex;
        private BigDecimal patientWeightKg;
        private BigDecimal patientSizeM;
        private String patientComments;
        private String accessionNumber;
        private String referringPhysicianName;
        private String requestedProcedureId;
        private String requestedProcedureDescription;
        private String studyInstanceUid;
        private CodedEntry requestedProcedureCode;
        private String requestedProcedureComments;
        private String spsId;
        private String modality;
        private String scheduledStationAeTitle;
        private String scheduledStationName;
        private LocalDate scheduledStartDate;
        private LocalTime scheduledStartTime;
        private LocalDate scheduledEndDate;
        private LocalTime scheduledEndTime;
        private String spsDescription;
        private CodedEntry protocolCode;
        private String performingPhysicianName;
        private String spsComments;
        private ProcedureStepStatus status;
        private ExtraAttributes extraAttributes;
        private String dataSource;
        private String sourceKey;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        private Builder(WorklistItem i) {
            id = i.id;
            patientName = i.patientName;
            patientId = i.patientId;
            issuerOfPatientId = i.issuerOfPatientId;
            patientBirthDate = i.patientBirthDate;
            patientSex = i.patientSex;
            patientWeightKg = i.patientWeightKg;
            patientSizeM = i.patientSizeM;
            patientComments = i.patientComments;
            accessionNumber = i.accessionNumber;
            referringPhysicianName = i.referringPhysicianName;
            requestedProcedureId = i.requestedProcedureId;
            requestedProcedureDescription = i.requestedProcedureDescription;
            studyInstanceUid = i.studyInstanceUid;
            requestedProcedureCode = i.requestedProcedureCode;
            requestedProcedureComments = i.requestedProcedureComments;
            spsId = i.spsId;
            modality = i.modality;
            scheduledStationAeTitle = i.scheduledStationAeTitle;
            scheduledStationName = i.scheduledStationName;
            scheduledStartDate = i.scheduledStartDate;
            scheduledStartTime = i.scheduledStartTime;
            scheduledEndDate = i.scheduledEndDate;
            scheduledEndTime = i.scheduledEndTime;
            spsDescription = i.spsDescription;
            protocolCode = i.protocolCode;
            performingPhysicianName = i.performingPhysicianName;
            spsComments = i.spsComments;
            status = i.status;
            extraAttributes = i.extraAttributes;
            dataSource = i.dataSource;
            sourceKey = i.sourceKey;
            createdAt = i.createdAt;
            updatedAt = i.updatedAt;
        }

        public Builder id(Long v) {
            id = v;
            return this;
        }

        public Builder patientName(String v) {
            patientName = v;
            return this;
        }

        public Builder patientId(String v) {
            patientId = v;
            return this;
        }

        public Builder issuerOfPatientId(String v) {
            issuerOfPatientId = v;
            return this;
        }

        public Builder patientBirthDate(LocalDate v) {
            patientBirthDate = v;
            return this;
        }

        public Builder patientSex(String v) {
            patientSex = v;
            return this;
        }

        public Builder patientWeightKg(BigDecimal v) {
            patientWeightKg = v;
            return this;
        }

        public Builder patientSizeM(BigDecimal v) {
            patientSizeM = v;
            return this;
        }

        public Builder patientComments(String v) {
            patientComments = v;
            return this;
        }

        public Builder accessionNumber(String v) {
            accessionNumber = v;
            return this;
        }

        public Builder referringPhysicianName(String v) {
            referringPhysicianName = v;
            return this;
        }

        public Builder requestedProcedureId(String v) {
            requestedProcedureId = v;
            return this;
        }

        public Builder requestedProcedureDescription(String v) {
            requestedProcedureDescription = v;
            return this;
        }

        public Builder studyInstanceUid(String v) {
            studyInstanceUid = v;
            return this;
        }

        public Builder requestedProcedureCode(CodedEntry v) {
            requestedProcedureCode = v;
            return this;
        }

        public Builder requestedProcedureComments(String v) {
            requestedProcedureComments = v;
            return this;
        }

        public Builder spsId(String v) {
            spsId = v;
            return this;
        }

        public Builder modality(String v) {
            modality = v;
            return this;
        }

        public Builder scheduledStationAeTitle(String v) {
            scheduledStationAeTitle = v;
            return this;
        }

        public Builder scheduledStationName(String v) {
            scheduledStationName = v;
            return this;
        }

        public Builder scheduledStartDate(LocalDate v) {
            scheduledStartDate = v;
            return this;
        }

        public Builder scheduledStartTime(LocalTime v) {
            scheduledStartTime = v;
            return this;
        }

        public Builder scheduledEndDate(LocalDate v) {
            scheduledEndDate = v;
            return this;
        }

        public Builder scheduledEndTime(LocalTime v) {
            scheduledEndTime = v;
            return this;
        }

        public Builder spsDescription(String v) {
            spsDescription = v;
            return this;
        }

        public Builder protocolCode(CodedEntry v) {
            protocolCode = v;
            return this;
        }

        public Builder performingPhysicianName(String v) {
            performingPhysicianName = v;
            return this;
        }

        public Builder spsComments(String v) {
            spsComments = v;
            return this;
        }

        public Builder status(ProcedureStepStatus v) {
            status = v;
            return this;
        }

        public Builder extraAttributes(ExtraAttributes v) {
            extraAttributes = v;
            return this;
        }

        public Builder dataSource(String v) {
            dataSource = v;
            return this;
        }

        public Builder sourceKey(String v) {
            sourceKey = v;
            return this;
        }

        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        public Builder updatedAt(Instant v) {
            updatedAt = v;
            return this;
        }

        public WorklistItem build() {
            return new WorklistItem(this);
        }

        /**
         * Whether two builders hold the same worklist content, ignoring the database id, the
         * status and the bookkeeping times: what a re-sync compares to tell "updated" from
         * "unchanged".
         */
        public boolean sameContent(Builder o) {
            return Objects.equals(patientName, o.patientName)
                    && Objects.equals(patientId, o.patientId)
                    && Objects.equals(issuerOfPatientId, o.issuerOfPatientId)
                    && Objects.equals(patientBirthDate, o.patientBirthDate)
                    && Objects.equals(patientSex, o.patientSex)
                    && sameNumber(patientWeightKg, o.patientWeightKg)
                    && sameNumber(patientSizeM, o.patientSizeM)
                    && Objects.equals(patientComments, o.patientComments)
                    && Objects.equals(accessionNumber, o.accessionNumber)
                    && Objects.equals(referringPhysicianName, o.referringPhysicianName)
                    && Objects.equals(requestedProcedureId, o.requestedProcedureId)
                    && Objects.equals(requestedProcedureDescription,
                            o.requestedProcedureDescription)
                    && Objects.equals(studyInstanceUid, o.studyInstanceUid)
                    && Objects.equals(requestedProcedureCode, o.requestedProcedureCode)
                    && Objects.equals(requestedProcedureComments,
                            o.requestedProcedureComments)
                    && Objects.equals(spsId, o.spsId)
                    && Objects.equals(modality, o.modality)
                    && Objects.equals(scheduledStationAeTitle, o.scheduledStationAeTitle)
                    && Objects.equals(scheduledStationName, o.scheduledStationName)
                    && Objects.equals(scheduledStartDate, o.scheduledStartDate)
                    && Objects.equals(scheduledStartTime, o.scheduledStartTime)
                    && Objects.equals(scheduledEndDate, o.scheduledEndDate)
                    && Objects.equals(scheduledEndTime, o.scheduledEndTime)
                    && Objects.equals(spsDescription, o.spsDescription)
                    && Objects.equals(protocolCode, o.protocolCode)
                    && Objects.equals(performingPhysicianName, o.performingPhysicianName)
                    && Objects.equals(spsComments, o.spsComments)
                    && Objects.equals(extraAttributes, o.extraAttributes)
                    && Objects.equals(dataSource, o.dataSource)
                    && Objects.equals(sourceKey, o.sourceKey);
        }

        private static boolean sameNumber(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }
}

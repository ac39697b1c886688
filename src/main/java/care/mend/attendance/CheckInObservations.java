package care.mend.attendance;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import care.mend.checkin.CheckIn;
import care.mend.checkin.MedicationAnswer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * A patient's check-in at join as FHIR R4 {@code Observation}s for the attendance export: one for the mood, one for
 * the craving (where the program asked it), one for the medication answer. Each is {@code final}, category
 * {@code survey}, {@code subject} and {@code performer} the Patient (self-reported), {@code encounter} the patient's Encounter of that session (which is
 * {@code partOf} the session's), {@code effective} the check-in's instant in the session's offset, {@code issued} the
 * same. The codes are the local code system {@code urn:mend:checkin} ({@code src/docs/fhir/CodeSystem-checkin.json};
 * src/docs/fhir-export.md says why not LOINC). A flagged answer has {@code interpretation} L (low mood) or H (high
 * craving) and a {@code referenceRange} text naming the program's threshold of that moment. The note to the
 * facilitator is not exported: it is a private message to them, not an observation.
 */
final class CheckInObservations {

    static final String SYSTEM = "urn:mend:checkin";
    static final Coding SURVEY = new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey",
            "Survey");
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private CheckInObservations() {
    }

    /** The check-in's Observations, with their fullUrls, for the row (the patient and session) it belongs to. */
    static List<Entry> of(CheckIn checkIn, AttendanceReportRow row) {
        List<Entry> entries = new ArrayList<>();
        Observation mood = observation(checkIn, row, "mood", "Mood, self-rated 0-10");
        mood.setValue(new IntegerType(checkIn.mood()));
        mood.addReferenceRange().setText("Low at " + checkIn.lowMoodAtMost() + " or less (the program's threshold)");
        if (checkIn.lowMood()) {
            mood.addInterpretation(new CodeableConcept(new Coding(INTERPRETATION, "L", "Low")));
        }
        entries.add(new Entry(AttendanceFhirExport.urn("Observation/mood", checkIn.id()), mood));
        if (checkIn.craving() != null) {
            Observation craving = observation(checkIn, row, "craving", "Craving, self-rated 0-10");
            craving.setValue(new IntegerType(checkIn.craving()));
            craving.addReferenceRange().setText("High at " + checkIn.highCravingAtLeast()
                    + " or more (the program's threshold)");
            if (checkIn.highCraving()) {
                craving.addInterpretation(new CodeableConcept(new Coding(INTERPRETATION, "H", "High")));
            }
            entries.add(new Entry(AttendanceFhirExport.urn("Observation/craving", checkIn.id()), craving));
        }
        Observation medication = observation(checkIn, row, "medication-today", "Took prescribed medication today");
        medication.setValue(new CodeableConcept(answer(checkIn.medication())));
        entries.add(new Entry(AttendanceFhirExport.urn("Observation/medication-today", checkIn.id()), medication));
        return entries;
    }

    /** An Observation and its fullUrl. */
    record Entry(String fullUrl, Observation observation) {
    }

    static Coding answer(MedicationAnswer answer) {
        return switch (answer) {
            case TAKEN -> new Coding(SYSTEM, "taken", "Taken");
            case NOT_TAKEN -> new Coding(SYSTEM, "not-taken", "Not taken");
            case NOT_PRESCRIBED -> new Coding(SYSTEM, "not-prescribed", "Not prescribed");
        };
    }

    private static Observation observation(CheckIn checkIn, AttendanceReportRow row, String code, String display) {
        Observation o = new Observation();
        String fullUrl = AttendanceFhirExport.urn("Observation/" + code, checkIn.id());
        o.setId(fullUrl.substring("urn:uuid:".length()));
        o.addIdentifier().setSystem(AttendanceFhirExport.IDENTIFIER + "check-in")
                .setValue(checkIn.id() + "/" + code);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(SURVEY.copy()));
        o.setCode(new CodeableConcept(new Coding(SYSTEM, code, display)));
        o.setSubject(new Reference(AttendanceFhirExport.urn("Patient", row.patientId())));
        // Self-reported: the patient is who observed it.
        o.addPerformer(new Reference(AttendanceFhirExport.urn("Patient", row.patientId())));
        o.setEncounter(new Reference(AttendanceFhirExport.urn("Encounter", row.recordId())));
        TimeZone zone = TimeZone.getTimeZone(row.timeZone());
        o.setEffective(new DateTimeType(Date.from(checkIn.checkedInAt()), TemporalPrecisionEnum.SECOND, zone));
        o.setIssuedElement(new InstantType(Date.from(checkIn.checkedInAt()), TemporalPrecisionEnum.SECOND, zone));
        return o;
    }
}

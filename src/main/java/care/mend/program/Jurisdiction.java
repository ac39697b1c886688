package care.mend.program;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a person is, for licensure: a US state, DC or territory, or a country outside the US. A clinician is licensed
 * by US state (or DC, or territory); a patient states the one they are in when they join a session.
 *
 * <p>The code is {@code US-XX} for a US jurisdiction, {@code XX} its USPS code (the 50 states, DC, and the territories
 * AS, GU, MP, PR, VI, and UM, the Minor Outlying Islands, which ISO 3166-2 names US-UM), or a country's ISO 3166-1
 * alpha-2 code for a place outside the US ({@code FR}, {@code CA}). The territories have ISO country codes of their
 * own (PR, GU...); they are US jurisdictions for licensure, so as countries they, and {@code US}, are refused: the
 * one place is {@code US-PR}. Both lists are fixed here (the JDK's country list changes between releases), and the
 * pages read them from {@code GET /api/jurisdictions}.
 *
 * @param code the canonical code, as above
 */
public record Jurisdiction(String code) {

    private static final Pattern US = Pattern.compile("US-[A-Z]{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** USPS code to name, in the order a list shows them (states and DC alphabetically by name, then territories). */
    private static final Map<String, String> US_JURISDICTIONS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        String[] pairs = {"AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California",
            "CO", "Colorado", "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia", "FL", "Florida",
            "GA", "Georgia", "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa",
            "KS", "Kansas", "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland",
            "MA", "Massachusetts", "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri",
            "MT", "Montana", "NE", "Nebraska", "NV", "Nevada", "NH", "New Hampshire", "NJ", "New Jersey",
            "NM", "New Mexico", "NY", "New York", "NC", "North Carolina", "ND", "North Dakota", "OH", "Ohio",
            "OK", "Oklahoma", "OR", "Oregon", "PA", "Pennsylvania", "RI", "Rhode Island", "SC", "South Carolina",
            "SD", "South Dakota", "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont",
            "VA", "Virginia", "WA", "Washington", "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming",
            "AS", "American Samoa", "GU", "Guam", "MP", "Northern Mariana Islands", "PR", "Puerto Rico",
            "VI", "U.S. Virgin Islands", "UM", "U.S. Minor Outlying Islands"};
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        US_JURISDICTIONS = Collections.unmodifiableMap(m);
    }

    /** The territories, whose ISO country codes are their USPS codes too. */
    private static final Set<String> TERRITORIES = Set.of("AS", "GU", "MP", "PR", "VI", "UM");

    /** ISO 3166-1 alpha-2, as of 2024 (249 codes). */
    private static final Set<String> ISO_COUNTRIES = Set.of((""
            + "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
            + "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
            + "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
            + "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
            + "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
            + "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
            + "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
            + "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
            + "VN VU WF WS YE YT ZA ZM ZW").split(" "));

    /** The longest code ({@code US-XX}). */
    public static final int CODE_MAX = 5;

    public Jurisdiction {
        Objects.requireNonNull(code, "code");
        if (US.matcher(code).matches()) {
            if (!US_JURISDICTIONS.containsKey(code.substring(3))) {
                throw new IllegalArgumentException("jurisdiction: not a US state, DC or territory");
            }
        } else if (COUNTRY.matcher(code).matches()) {
            if (!ISO_COUNTRIES.contains(code)) {
                throw new IllegalArgumentException("jurisdiction: not an ISO 3166-1 alpha-2 country code");
            }
            if (code.equals("US") || TERRITORIES.contains(code)) {
                throw new IllegalArgumentException("jurisdiction: a place in the US is given as US-XX, its state,"
                        + " DC or territory");
            }
        } else {
            throw new IllegalArgumentException("jurisdiction is US-XX (a US state, DC or territory) or a two-letter"
                    + " country code");
        }
    }

    /** The jurisdiction a code names, or an {@link IllegalArgumentException} saying which rule it breaks. */
    public static Jurisdiction of(String code) {
        return new Jurisdiction(code);
    }

    /** A US state, DC or territory by USPS code. */
    public static Jurisdiction usState(String usps) {
        return new Jurisdiction("US-" + Objects.requireNonNull(usps, "usps"));
    }

    /** The USPS code, checked: what a staff record's licensed states hold. */
    public static String checkedUsState(String usps) {
        return usState(usps).usps();
    }

    public boolean inUs() {
        return code.startsWith("US-");
    }

    /** The USPS code of a US jurisdiction; null outside the US. */
    public String usps() {
        return inUs() ? code.substring(3) : null;
    }

    /** The jurisdiction's name in English: "Illinois", "France". */
    public String displayName() {
        return inUs() ? US_JURISDICTIONS.get(usps())
                : new java.util.Locale("", code).getDisplayCountry(java.util.Locale.ENGLISH);
    }

    /** The US jurisdictions, USPS code to name, in list order. */
    public static Map<String, String> usJurisdictions() {
        return US_JURISDICTIONS;
    }

    /** The countries that may be stated as outside the US, sorted. */
    public static Set<String> countriesOutsideUs() {
        Set<String> countries = new TreeSet<>(ISO_COUNTRIES);
        countries.remove("US");
        countries.removeAll(TERRITORIES);
        return Collections.unmodifiableSet(countries);
    }

    /** A place is health information: the code stays out of logs. */
    @Override
    public String toString() {
        return "Jurisdiction[" + (inUs() ? "US" : "outside the US") + "]";
    }
}

package org.huimin.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.huimin.directory.Directory;
import org.huimin.directory.Directory.OrganizationQuery;
import org.huimin.directory.Directory.PractitionerQuery;
import org.huimin.directory.Organization;
import org.huimin.directory.OrganizationType;
import org.huimin.directory.Practitioner;
import org.huimin.directory.PractitionerKind;
import org.huimin.scheduling.Period;
import org.huimin.scheduling.RegistrationType;
import org.huimin.scheduling.ScheduleSetup;
import org.huimin.scheduling.ScheduleSetup.TemplateSpec;
import org.huimin.shared.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The booking demo (dataset {@code scheduling-v1}): weekly clinics for every doctor of the county's hospitals and
 * health centres, with sessions generated from three days ago (so past slots can be seen) to the horizon.
 * Hospitals: mornings Monday to Friday, afternoons for internal medicine, surgery and paediatrics on Monday,
 * Wednesday and Friday, and weekend mornings for paediatrics and internal medicine; 30-minute slots of 6 places.
 * Health centres: general practice Monday to Saturday mornings, 30-minute slots of 4 places.
 */
@Component
class SchedulingDemoData {

    static final String DATASET = "scheduling-v1";
    /** Departments without booked outpatient clinics: emergency, anaesthesia, ICU, laboratory, imaging. */
    private static final Set<String> NO_CLINIC = Set.of("20", "26", "28", "30", "32");
    private static final Set<String> AFTERNOONS = Set.of("03", "04", "07");
    private static final Set<String> WEEKENDS = Set.of("03", "07");

    private final Directory directory;
    private final ScheduleSetup setup;

    SchedulingDemoData(Directory directory, ScheduleSetup setup) {
        this.directory = directory;
        this.setup = setup;
    }

    /** A consulting room (诊室) for the queue's call: floor by department, number by doctor. */
    private static String room(boolean hospital, String dept, int doctor) {
        if (!hospital) {
            return "全科诊室" + (doctor % 3 + 1);
        }
        int floor = Math.floorMod(Integer.parseInt(dept), 4) + 1;
        return "门诊楼" + floor + "层" + (floor * 100 + doctor % 20 + 1) + "诊室";
    }

    String load() {
        int templates = 0;
        int rooms = 0;
        var orgs = directory.organizations(new OrganizationQuery(null, null, null, null, null, null, null),
                new PageRequest(0, 200)).items();
        for (Organization org : orgs) {
            boolean hospital = org.type() == OrganizationType.HOSPITAL;
            boolean centre = EnumSet.of(OrganizationType.COMMUNITY_HEALTH_CENTRE,
                    OrganizationType.TOWNSHIP_HEALTH_CENTRE).contains(org.type());
            if (!hospital && !centre) {
                continue;
            }
            List<Practitioner> doctors = directory.practitioners(new PractitionerQuery(null, PractitionerKind.DOCTOR,
                    org.id(), null, null, null), new PageRequest(0, 200)).items();
            for (Practitioner doctor : doctors) {
                rooms++;
                for (Practitioner.Role role : doctor.roles()) {
                    String dept = role.departmentCode();
                    if (!org.id().equals(role.organizationId()) || dept == null || NO_CLINIC.contains(dept)
                            || (centre && !dept.equals("02"))) {
                        continue;
                    }
                    RegistrationType type = doctor.title() != null && doctor.title().contains("主任")
                            ? RegistrationType.EXPERT : RegistrationType.GENERAL;
                    long fee = !hospital ? 1000 : type == RegistrationType.EXPERT
                            ? (doctor.title().startsWith("主任") ? 4000 : 3000) : 1500;
                    int capacity = hospital ? 6 : 4;
                    int lastDay = hospital ? 5 : 6;
                    for (int day = 1; day <= 7; day++) {
                        boolean weekday = day <= lastDay;
                        if (weekday || (hospital && WEEKENDS.contains(dept))) {
                            setup.addTemplate(new TemplateSpec(org.id(), dept, doctor.id(), null, day, Period.MORNING,
                                    LocalTime.of(8, 0), LocalTime.of(11, 30), 30, capacity, type, fee, null,
                                    room(hospital, dept, rooms)));
                            templates++;
                        }
                        if (hospital && AFTERNOONS.contains(dept) && (day == 1 || day == 3 || day == 5)) {
                            setup.addTemplate(new TemplateSpec(org.id(), dept, doctor.id(), null, day,
                                    Period.AFTERNOON, LocalTime.of(14, 30), LocalTime.of(17, 30), 30, capacity, type,
                                    fee, null, room(hospital, dept, rooms)));
                            templates++;
                        }
                    }
                }
            }
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // (rooms are numbered per doctor: floor by department, room by doctor)
        int sessions = setup.generate(today.minusDays(3), today.plusDays(14));
        return templates + " weekly templates, " + sessions + " sessions";
    }
}

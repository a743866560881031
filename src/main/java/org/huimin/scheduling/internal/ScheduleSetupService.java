package org.huimin.scheduling.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.huimin.scheduling.ScheduleSetup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ScheduleSetupService implements ScheduleSetup {

    private final Schedules schedules;
    private final SlotGenerator generator;
    private final SchedulingProperties properties;
    private final Clock clock;

    ScheduleSetupService(Schedules schedules, SlotGenerator generator, SchedulingProperties properties, Clock clock) {
        this.schedules = schedules;
        this.generator = generator;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID addTemplate(TemplateSpec s) {
        String shares = PoolShares.parse(s.poolShares() == null ? properties.poolShares() : s.poolShares()).format();
        if (!s.start().isBefore(s.end()) || s.slotMinutes() < 5 || s.slotMinutes() > 60 || s.slotCapacity() < 1) {
            throw new IllegalArgumentException("invalid template: " + s);
        }
        UUID id = UUID.randomUUID();
        schedules.insertTemplate(new Schedules.Template(id, s.organizationId(), s.departmentCode(), s.practitionerId(),
                s.serviceName(), s.dayOfWeek(), s.period(), s.start(), s.end(), s.slotMinutes(), s.slotCapacity(),
                s.registrationType(), s.feeFen(), shares, true, s.room()), "system", clock.instant());
        return id;
    }

    @Override
    public int generate(LocalDate from, LocalDate to) {
        return generator.generate(from, to);
    }
}

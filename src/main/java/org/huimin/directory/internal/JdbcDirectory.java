package org.huimin.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.huimin.directory.Department;
import org.huimin.directory.Directory;
import org.huimin.directory.NewOrganization;
import org.huimin.directory.NewPractitioner;
import org.huimin.directory.Organization;
import org.huimin.directory.OrganizationType;
import org.huimin.directory.Practitioner;
import org.huimin.directory.PractitionerKind;
import org.huimin.directory.UnifiedSocialCreditCode;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory on JDBC with explicit SQL. Text search is case-insensitive on name and address. */
@Service
class JdbcDirectory implements Directory {

    private final JdbcClient jdbc;

    JdbcDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Organization> organizations(OrganizationQuery q, PageRequest page) {
        StringBuilder where = new StringBuilder(" where o.active = true");
        Map<String, Object> p = new HashMap<>();
        if (notBlank(q.text())) {
            where.append(" and (lower(o.name) like :text or lower(o.address) like :text)");
            p.put("text", like(q.text()));
        }
        if (notBlank(q.namePrefix())) {
            where.append(" and lower(o.name) like :prefix");
            p.put("prefix", escape(q.namePrefix().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (notBlank(q.address())) {
            where.append(" and lower(o.address) like :address");
            p.put("address", like(q.address()));
        }
        if (q.type() != null) {
            where.append(" and o.type = :type");
            p.put("type", q.type().name());
        }
        if (notBlank(q.level())) {
            where.append(" and o.level = :level");
            p.put("level", q.level());
        }
        if (notBlank(q.divisionCode())) {
            where.append(" and o.division_code like :division");
            p.put("division", escape(q.divisionCode().strip()) + "%");
        }
        if (notBlank(q.uscc())) {
            where.append(" and o.uscc = :uscc");
            p.put("uscc", q.uscc().strip().toUpperCase(Locale.ROOT));
        }
        long total = jdbc.sql("select count(*) from directory_organization o" + where).params(p).query(Long.class)
                .single();
        // where care is given first (hospitals, health centres, clinics), higher levels first, then by name:
        // what a resident looking for care expects
        List<Organization> items = jdbc.sql("select * from directory_organization o" + where
                + " order by case o.type when 'HOSPITAL' then 0 when 'COMMUNITY_HEALTH_CENTRE' then 1"
                + " when 'TOWNSHIP_HEALTH_CENTRE' then 1 when 'VILLAGE_CLINIC' then 2 when 'RETAIL_PHARMACY' then 3"
                + " when 'GOVERNMENT_OFFICE' then 5 else 4 end, coalesce(o.level, '0') desc, o.name, o.id"
                + " limit :limit offset :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset())
                .query(JdbcDirectory::organization).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Organization> organization(UUID id) {
        return jdbc.sql("select * from directory_organization o where o.id = :id").param("id", id)
                .query(JdbcDirectory::organization).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Department> departments(UUID organizationId) {
        return jdbc.sql("select code, name from directory_department where organization_id = :id order by code")
                .param("id", organizationId).query((rs, n) -> new Department(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Department> departmentCodes() {
        return jdbc.sql("select code, name_zh from directory_department_code order by code")
                .query((rs, n) -> new Department(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<Practitioner> practitioners(PractitionerQuery q, PageRequest page) {
        StringBuilder where = new StringBuilder(" where p.active = true");
        Map<String, Object> params = new HashMap<>();
        if (notBlank(q.text())) {
            where.append(" and (lower(p.name) like :text or lower(p.specialties) like :text)");
            params.put("text", like(q.text()));
        }
        if (notBlank(q.namePrefix())) {
            where.append(" and lower(p.name) like :prefix");
            params.put("prefix", escape(q.namePrefix().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (q.kind() != null) {
            where.append(" and p.kind = :kind");
            params.put("kind", q.kind().name());
        }
        if (notBlank(q.licenceNumber())) {
            where.append(" and p.licence_number = :licence");
            params.put("licence", q.licenceNumber().strip());
        }
        if (q.organizationId() != null || notBlank(q.departmentCode())) {
            where.append(" and exists (select 1 from directory_practitioner_role r where r.practitioner_id = p.id");
            if (q.organizationId() != null) {
                where.append(" and r.organization_id = :org");
                params.put("org", q.organizationId());
            }
            if (notBlank(q.departmentCode())) {
                where.append(" and r.department_code = :dept");
                params.put("dept", q.departmentCode());
            }
            where.append(")");
        }
        long total = jdbc.sql("select count(*) from directory_practitioner p" + where).params(params)
                .query(Long.class).single();
        List<Practitioner> rows = jdbc.sql("select * from directory_practitioner p" + where
                + " order by p.name, p.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> practitioner(rs, List.of())).list();
        return new PageResult<>(withRoles(rows), total, page.page(), page.size());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Practitioner> practitioner(UUID id) {
        return jdbc.sql("select * from directory_practitioner p where p.id = :id").param("id", id)
                .query((rs, n) -> practitioner(rs, List.of())).optional()
                .map(p -> withRoles(List.of(p)).get(0));
    }

    /** Loads the places of practice of a page of practitioners in one query. */
    private List<Practitioner> withRoles(List<Practitioner> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<Practitioner.Role>> roles = new LinkedHashMap<>();
        jdbc.sql("""
                select r.id, r.practitioner_id, r.organization_id, o.name as org_name, r.department_code,
                    d.name as dept_name, r.primary_site
                from directory_practitioner_role r
                join directory_organization o on o.id = r.organization_id
                left join directory_department d on d.organization_id = r.organization_id and d.code = r.department_code
                where r.practitioner_id in (:ids)
                order by r.primary_site desc, o.name""")
                .param("ids", rows.stream().map(Practitioner::id).toList())
                .query((ResultSet rs) -> {
                    roles.computeIfAbsent(rs.getObject("practitioner_id", UUID.class), k -> new ArrayList<>())
                            .add(new Practitioner.Role(rs.getObject("id", UUID.class),
                                    rs.getObject("organization_id", UUID.class), rs.getString("org_name"),
                                    rs.getString("department_code"), rs.getString("dept_name"),
                                    rs.getBoolean("primary_site")));
                });
        return rows.stream().map(p -> new Practitioner(p.id(), p.name(), p.kind(), p.sex(), p.title(),
                p.licenceNumber(), p.specialties(), roles.getOrDefault(p.id(), List.of()), p.active())).toList();
    }

    @Override
    @Transactional
    public UUID addOrganization(NewOrganization o) {
        String uscc = checkUscc(o.uscc());
        if (jdbc.sql("select count(*) from directory_organization where uscc = :uscc").param("uscc", uscc)
                .query(Long.class).single() > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "uscc-taken", "problem.uscc-taken", uscc);
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into directory_organization (id, name, type, level, grade, uscc, division_code, address, phone,
                    latitude, longitude, active, created_at, updated_at)
                values (:id, :name, :type, :level, :grade, :uscc, :division, :address, :phone, :lat, :lon, true, :now,
                    :now)""")
                .param("id", id).param("name", o.name().strip()).param("type", o.type().name())
                .param("level", o.level()).param("grade", o.grade()).param("uscc", uscc)
                .param("division", o.divisionCode()).param("address", o.address()).param("phone", o.phone())
                .param("lat", o.latitude()).param("lon", o.longitude()).param("now", now).update();
        return id;
    }

    @Override
    @Transactional
    public void updateOrganization(UUID id, NewOrganization o) {
        String uscc = checkUscc(o.uscc());
        if (jdbc.sql("select count(*) from directory_organization where uscc = :uscc and id <> :id")
                .param("uscc", uscc).param("id", id).query(Long.class).single() > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "uscc-taken", "problem.uscc-taken", uscc);
        }
        int n = jdbc.sql("""
                update directory_organization set name = :name, type = :type, level = :level, grade = :grade,
                    uscc = :uscc, division_code = :division, address = :address, phone = :phone, latitude = :lat,
                    longitude = :lon, updated_at = :now where id = :id""")
                .param("id", id).param("name", o.name().strip()).param("type", o.type().name())
                .param("level", o.level()).param("grade", o.grade()).param("uscc", uscc)
                .param("division", o.divisionCode()).param("address", o.address()).param("phone", o.phone())
                .param("lat", o.latitude()).param("lon", o.longitude())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        if (n == 0) {
            throw ProblemException.notFound("organization", id);
        }
    }

    @Override
    @Transactional
    public void addDepartment(UUID organizationId, String code, String name) {
        if (jdbc.sql("select count(*) from directory_department_code where code = :code").param("code", code)
                .query(Long.class).single() == 0) {
            throw ProblemException.invalid("code", "directory.department-code");
        }
        if (organization(organizationId).isEmpty()) {
            throw ProblemException.notFound("organization", organizationId);
        }
        jdbc.sql("insert into directory_department (organization_id, code, name) values (:org, :code, :name)")
                .param("org", organizationId).param("code", code).param("name", name).update();
    }

    @Override
    @Transactional
    public UUID addPractitioner(NewPractitioner p) {
        if (jdbc.sql("select count(*) from directory_practitioner where kind = :kind and licence_number = :licence")
                .param("kind", p.kind().name()).param("licence", p.licenceNumber()).query(Long.class).single() > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "licence-taken", "problem.licence-taken");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into directory_practitioner (id, name, kind, sex, title, licence_number, specialties, active,
                    created_at)
                values (:id, :name, :kind, :sex, :title, :licence, :specialties, true, :now)""")
                .param("id", id).param("name", p.name().strip()).param("kind", p.kind().name()).param("sex", p.sex())
                .param("title", p.title()).param("licence", p.licenceNumber())
                .param("specialties", p.specialties() == null ? null : String.join(",", p.specialties()))
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        for (NewPractitioner.Site site : p.sites()) {
            if (organization(site.organizationId()).isEmpty()) {
                throw ProblemException.invalid("sites", "directory.unknown-organization");
            }
            jdbc.sql("""
                    insert into directory_practitioner_role (id, practitioner_id, organization_id, department_code,
                        primary_site) values (:id, :pid, :org, :dept, :primary)""")
                    .param("id", UUID.randomUUID()).param("pid", id).param("org", site.organizationId())
                    .param("dept", site.departmentCode()).param("primary", site.primarySite()).update();
        }
        return id;
    }

    private static String checkUscc(String raw) {
        String uscc = raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
        if (!UnifiedSocialCreditCode.isValid(uscc)) {
            throw ProblemException.invalid("uscc", "directory.uscc");
        }
        return uscc;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String like(String text) {
        return "%" + escape(text.strip().toLowerCase(Locale.ROOT)) + "%";
    }

    /** Escapes LIKE wildcards so that user text matches literally (backslash is the default escape in both DBs). */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Organization organization(ResultSet rs, int n) throws SQLException {
        return new Organization(rs.getObject("id", UUID.class), rs.getString("name"),
                OrganizationType.valueOf(rs.getString("type")), rs.getString("level"), rs.getString("grade"),
                rs.getString("uscc"), rs.getString("division_code"), rs.getString("address"), rs.getString("phone"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getBoolean("active"));
    }

    private static Practitioner practitioner(ResultSet rs, List<Practitioner.Role> roles) throws SQLException {
        String specialties = rs.getString("specialties");
        return new Practitioner(rs.getObject("id", UUID.class), rs.getString("name"),
                PractitionerKind.valueOf(rs.getString("kind")), rs.getString("sex"), rs.getString("title"),
                rs.getString("licence_number"),
                specialties == null || specialties.isEmpty() ? List.of() : Arrays.asList(specialties.split(",")),
                roles, rs.getBoolean("active"));
    }
}

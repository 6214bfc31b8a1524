package org.jobsearch.tracker.transfer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a user owns, out: applications as CSV (the columns {@link ApplicationsCsv} imports, so an export can be
 * imported again) and everything as JSON. Rows are read straight from the tables, owner by owner.
 */
@Service
@Transactional(readOnly = true)
public class ExportService {

    private final JdbcClient jdbc;

    ExportService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner's applications with their jobs, oldest applied first, written as they are read. */
    public void applicationsCsv(UUID ownerId, Writer out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                    .setHeader(ApplicationsCsv.HEADERS.toArray(String[]::new)).get());
            jdbc.sql("""
                            select j.company, j.listing_job_title, j.external_job_id, j.source, j.role, j.specialization,
                                   j.level, j.location, j.work_setting, j.min_experience_years, j.min_salary,
                                   j.max_salary, a.desired_salary, a.applied_at, a.status,
                                   (select max(h.changed_at) from application_status_history h
                                    where h.application_id = a.id and h.status = a.status
                                      and a.status <> 'no_response') as status_date,
                                   a.outcome, a.outcome_date
                            from application a join job j on j.id = a.job_id and j.owner_id = a.owner_id
                            where a.owner_id = ?
                            order by a.applied_at, a.id""")
                    .param(ownerId)
                    .query(rs -> {
                        try {
                            csv.printRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                    rs.getString(9), rs.getObject(10), rs.getObject(11), rs.getObject(12),
                                    rs.getObject(13), instant(rs.getTimestamp(14)), rs.getString(15),
                                    instant(rs.getTimestamp(16)), rs.getString(17), rs.getObject(18));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row the owner has in every table, keyed by table, columns in camelCase. */
    public Map<String, Object> everything(UUID ownerId) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("exportedAt", Instant.now());
        all.put("ownerId", ownerId);
        all.put("jobs", rows("select * from job where owner_id = ? order by created_at, id", ownerId));
        all.put("requirements", rows("select * from job_requirement where owner_id = ? order by job_id, relevance desc",
                ownerId));
        all.put("contracts", rows("select * from contract_job where owner_id = ? order by id", ownerId));
        all.put("resumeVersions", rows("""
                select * from job_resume_version where owner_id = ? order by job_id, rendered_at""", ownerId));
        all.put("applications", rows("select * from application where owner_id = ? order by applied_at, id",
                ownerId));
        all.put("statusHistory", rows("""
                select * from application_status_history where owner_id = ? order by application_id, changed_at""",
                ownerId));
        all.put("interviews", rows("select * from interview where owner_id = ? order by scheduled_at, id", ownerId));
        all.put("settings", rows("""
                select owner_id, location_groups::text as location_groups, min_salary_base, max_salary_base,
                       salary_step, updated_at from user_settings where owner_id = ?""", ownerId));
        return all;
    }

    private List<Map<String, Object>> rows(String sql, UUID ownerId) {
        return jdbc.sql(sql).param(ownerId).query((rs, row) -> row(rs)).list();
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof Timestamp timestamp) {
                value = timestamp.toInstant();
            } else if (value instanceof java.sql.Date date) {
                value = date.toLocalDate();
            } else if (value instanceof Array array) {
                value = Arrays.asList((Object[]) array.getArray());
            }
            row.put(camel(meta.getColumnLabel(i)), value);
        }
        return row;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }
}

package org.jobsearch.resume.render;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * openhtmltopdf's log (its own java.util.logging console output by default, several INFO lines per render) through
 * SLF4J, so {@code logging.level.com.openhtmltopdf} governs it like any other library.
 */
final class Slf4jXRLogger implements XRLogger {

    @Override
    public void log(String where, java.util.logging.Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, java.util.logging.Level level, String message, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        Level mapped = map(level);
        if (logger.isEnabledForLevel(mapped)) {
            logger.atLevel(mapped).setCause(th).log(message);
        }
    }

    @Override
    public void setLevel(String logger, java.util.logging.Level level) {
        // levels come from the logging configuration, not from the library
    }

    /**
     * Asked before every message is formatted: answering from the SLF4J level skips formatting the debug messages
     * openhtmltopdf emits many times per render (a few percent of a render when this always said yes).
     */
    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere())
                .isEnabledForLevel(map(diagnostic.getLevel()));
    }

    private static Level map(java.util.logging.Level level) {
        int value = level.intValue();
        if (value >= java.util.logging.Level.SEVERE.intValue()) {
            return Level.ERROR;
        }
        if (value >= java.util.logging.Level.WARNING.intValue()) {
            return Level.WARN;
        }
        if (value >= java.util.logging.Level.INFO.intValue()) {
            return Level.INFO;
        }
        return value >= java.util.logging.Level.FINE.intValue() ? Level.DEBUG : Level.TRACE;
    }
}

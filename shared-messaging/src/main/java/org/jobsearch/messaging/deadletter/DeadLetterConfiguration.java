package org.jobsearch.messaging.deadletter;

import org.jobsearch.messaging.MessagingAutoConfiguration;
import org.jobsearch.messaging.MessagingAutoConfiguration.MessagingNames;
import org.springframework.beans.factory.annotation.Qualifier;
import org.jobsearch.messaging.inbox.InboxDispatcher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.jobsearch.events.Topics;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

/** Dead-letter recovery, listing and replay. */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    DeadLetterRepository deadLetterRepository(JdbcTemplate jdbc,
                                                @Qualifier(MessagingAutoConfiguration.EVENT_JSON) JsonMapper eventJsonMapper) {
        return new DeadLetterRepository(jdbc, eventJsonMapper);
    }

    @Bean
    DeadLetterRecoverer deadLetterRecoverer(KafkaTemplate<String, byte[]> deadLetterKafkaTemplate,
                                            DeadLetterRepository repository, MessagingNames names) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetterKafkaTemplate,
                (record, exception) -> new TopicPartition(Topics.dlt(record.topic()), -1));
        publisher.setFailIfSendResultIsError(true);
        return new DeadLetterRecoverer(publisher, repository, names.groupId());
    }

    @Bean
    DeadLetterService deadLetterService(DeadLetterRepository repository, InboxDispatcher dispatcher) {
        return new DeadLetterService(repository, dispatcher);
    }

    @Bean
    @ConditionalOnWebApplication
    DeadLetterController deadLetterController(DeadLetterService service) {
        return new DeadLetterController(service);
    }
}

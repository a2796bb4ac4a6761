package ru.frmr.audit.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRecords accessRecords(MongoTemplate mongo) {
        return new AccessRecords(mongo.getCollection(AccessRecords.COLLECTION));
    }
}

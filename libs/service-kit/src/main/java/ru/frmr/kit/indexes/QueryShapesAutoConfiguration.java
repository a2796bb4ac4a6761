package ru.frmr.kit.indexes;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Records the shape of every Mongo query the service issues ({@link QueryShapeRecorder}) when
 * {@code frmr.mongo.query-shapes.file} names a file; off otherwise (and in production, where nothing sets it).
 */
@AutoConfiguration
@ConditionalOnClass({MongoClient.class, MongoClientSettingsBuilderCustomizer.class})
@ConditionalOnProperty("frmr.mongo.query-shapes.file")
public class QueryShapesAutoConfiguration {

    @Bean
    QueryShapeRecorder frmrQueryShapeRecorder(@Value("${frmr.mongo.query-shapes.file}") String file,
                                             @Value("${spring.application.name:unnamed}") String service) {
        return new QueryShapeRecorder(service, Path.of(file));
    }

    @Bean
    MongoClientSettingsBuilderCustomizer frmrQueryShapes(QueryShapeRecorder recorder) {
        return settings -> settings.addCommandListener(recorder);
    }
}

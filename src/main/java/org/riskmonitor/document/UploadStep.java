package org.riskmonitor.document;

/** The open task a document is uploaded to: its id, its BPMN id ({@code key}) and its name as people read it. */
public record UploadStep(String taskId, String key, String name) {
}

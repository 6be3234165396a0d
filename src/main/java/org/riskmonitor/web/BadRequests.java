package org.riskmonitor.web;

import java.util.Map;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests to our own endpoints that Spring refuses before a controller of ours sees them (a body
 * that is no JSON, a wrong content type, a parameter of the wrong type, a file name with control
 * characters) get a bilingual message in the body every refusal of ours has, {@code {"message"}},
 * instead of Spring's English error or, for a multipart request it cannot parse, a 500. A
 * controller's own handler for the same exception comes first. Values sent are not echoed.
 */
@RestControllerAdvice
public class BadRequests {

  /** Also what the document API says when it finds such a name itself. */
  public static final String CONTROL_CHARACTERS_IN_FILE_NAME =
      "文件名含有控制字符，请改名后重新上传 The file name contains control characters; rename the file and upload again";

  @ExceptionHandler(BadParameter.class)
  ResponseEntity<Map<String, String>> badParameter(BadParameter e) {
    return refusal(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadableBody() {
    return refusal(HttpStatus.BAD_REQUEST, "请求内容缺失或不是有效的JSON The request body is missing or not valid JSON");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, String>> wrongContentType(HttpMediaTypeNotSupportedException e) {
    return refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持该请求内容类型，应为 Content type not supported, use: "
        + String.join(", ", e.getSupportedMediaTypes().stream().map(MediaType::toString).toList()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, String>> wrongMethod(HttpRequestMethodNotSupportedException e) {
    HttpHeaders headers = new HttpHeaders();
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", "不支持该请求方法 Method not allowed"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, String>> wrongType(MethodArgumentTypeMismatchException e) {
    return refusal(HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 格式不正确 Parameter " + e.getName()
        + " has the wrong format");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, String>> missingParameter(MissingServletRequestParameterException e) {
    return refusal(HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName() + " Parameter " + e.getParameterName()
        + " is required");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<Map<String, String>> missingPart(MissingServletRequestPartException e) {
    return refusal(HttpStatus.BAD_REQUEST, "缺少 " + e.getRequestPartName() + " 部分 Part " + e.getRequestPartName()
        + " is required");
  }

  /** Binding the page's filter or form fields failed: names the fields, not what was sent. */
  @ExceptionHandler(BindException.class)
  ResponseEntity<Map<String, String>> unbindable(BindException e) {
    String fields = String.join(", ", e.getFieldErrors().stream().map(error -> error.getField()).distinct().toList());
    return refusal(HttpStatus.BAD_REQUEST, "参数格式不正确 Parameters have the wrong format: " + fields);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, String>> tooLarge() {
    return refusal(HttpStatus.PAYLOAD_TOO_LARGE, "上传内容过大 Upload too large");
  }

  /**
   * Tomcat refuses a file name holding a NUL byte while it parses the request, before a controller
   * is chosen, so the document controller's own handler cannot answer it.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, String>> unparseableUpload(MultipartException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidFileNameException) {
        return refusal(HttpStatus.BAD_REQUEST, CONTROL_CHARACTERS_IN_FILE_NAME);
      }
    }
    return refusal(HttpStatus.BAD_REQUEST,
        "请以multipart/form-data上传文件（字段file和kind） Upload as multipart/form-data with fields file and kind");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, String>> notFound() {
    return refusal(HttpStatus.NOT_FOUND, "页面不存在 Not found");
  }

  private static ResponseEntity<Map<String, String>> refusal(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
  }
}

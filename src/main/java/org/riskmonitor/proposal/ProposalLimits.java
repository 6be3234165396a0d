package org.riskmonitor.proposal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of the public proposal page, which anyone may post to without logging in.
 *
 * @param perAddressPerHour submissions one client address may make within an hour, accepted or not
 * @param maxPhotoSize      the largest photo taken; Spring's multipart limits must stay above it
 */
@ConfigurationProperties("riskmonitor.proposals")
public record ProposalLimits(@DefaultValue("5") int perAddressPerHour, @DefaultValue("5MB") DataSize maxPhotoSize) {

  String maxPhotoSizeText() {
    return maxPhotoSize.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0 ? maxPhotoSize.toMegabytes() + "MB"
        : maxPhotoSize.toKilobytes() + "KB";
  }
}

package org.riskmonitor;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

/**
 * GreenMail that answers SMTP at once. GreenMail writes each line of a reply on its own, so the
 * second line of the EHLO reply waits for the client's delayed acknowledgement (40 ms on Linux): that
 * wait was three quarters of every mail the suites send. A real mail server replies in one write;
 * with TCP_NODELAY on its connections GreenMail's lines leave at once too. What it receives is the same.
 */
public class TestMailServer extends GreenMail {

  public TestMailServer(ServerSetup setup) {
    super(setup);
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
    Map<String, AbstractServer> services = super.createServices(config, managers);
    for (ServerSetup setup : config) {
      if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
        services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
          @Override
          protected void handleClientSocket(Socket client) throws SocketException {
            client.setTcpNoDelay(true);
            super.handleClientSocket(client);
          }
        });
      }
    }
    return services;
  }
}

// jnss in JShell: python-nss's API as plain Java (classes named as in python-nss).
//   Nss.nssInitNodb();                                   initialize NSS without a database
//   var cert = Certificate.create(Pki.readDerFromFile("cert.pem", true))   then type: cert
//   cert.getSubject(), cert.getExtensions(), Digests.sha256Digest("abc".getBytes())
// /imports lists the imports below, /help lists JShell's commands; Tab completes, Shift-Tab shows Javadoc.
import org.jnss.nss.*;
import org.jnss.pki.*;
import org.jnss.pk11.*;
import org.jnss.pkcs12.*;
import org.jnss.io.*;
import org.jnss.ssl.*;
import org.jnss.error.*;
import org.jnss.asn1.Codec;
import org.jnss.io.Socket;

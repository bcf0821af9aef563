import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.Data;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReference;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.TransformException;
import javax.xml.crypto.dsig.TransformService;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.ExcC14NParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An AS4 sender written against the Peppol AS4 profile with the JDK's own XML Signature (JSR 105),
 * JCE (RSA-OAEP/MGF1-SHA256, AES-128-GCM) and HTTP client, sharing no code with the access point.
 * Sends one SBD and verifies the signed receipt (signature and NonRepudiationInformation).
 *
 * Usage: java As4InteropClient URL SENDER_CERT.pem SENDER_KEY.pem RECEIVER_CERT.pem SBD.xml FROM_ID TO_ID
 *        ORIGINAL_SENDER FINAL_RECIPIENT DOCTYPE_SCHEME::VALUE PROCESS_SCHEME::VALUE
 * Prints "RECEIPT <receipt message id> <our message id>" and exits 0, or prints the problem and exits 1.
 */
public final class As4InteropClient {
  static final String S12 = "http://www.w3.org/2003/05/soap-envelope";
  static final String EB = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";
  static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  static final String WSSE11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";
  static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
  static final String DS = "http://www.w3.org/2000/09/xmldsig#";
  static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
  static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
  static final String EBBP = "http://docs.oasis-open.org/ebxml-bp/ebbp-signals-2.0";
  static final String X509V3 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
  static final String BASE64 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
  static final String SWA = "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#";
  static final String ATTACHMENT_SIGNATURE_TRANSFORM = SWA + "Attachment-Content-Signature-Transform";

  /** The SwA attachment-content transform for a binary (gzip) attachment: the octets as they are. */
  public static final class AttachmentContentTransform extends TransformService {
    @Override public void init(TransformParameterSpec params) throws InvalidAlgorithmParameterException {
      if (params != null) throw new InvalidAlgorithmParameterException("no parameters");
    }
    @Override public void init(XMLStructure parent, XMLCryptoContext context) {}
    @Override public void marshalParams(XMLStructure parent, XMLCryptoContext context) {}
    @Override public AlgorithmParameterSpec getParameterSpec() { return null; }
    @Override public boolean isFeatureSupported(String feature) { return false; }
    @Override public Data transform(Data data, XMLCryptoContext context) throws TransformException {
      if (!(data instanceof OctetStreamData)) throw new TransformException("attachment content expected");
      return data;
    }
    @Override public Data transform(Data data, XMLCryptoContext context, OutputStream os) throws TransformException {
      try {
        ((OctetStreamData) data).getOctetStream().transferTo(os);
        return null;
      } catch (java.io.IOException e) {
        throw new TransformException(e);
      }
    }
  }

  static final class SwaProvider extends Provider {
    SwaProvider() {
      super("InteropSwA", "1.0", "SwA attachment transform");
      put("TransformService." + ATTACHMENT_SIGNATURE_TRANSFORM, AttachmentContentTransform.class.getName());
      put("TransformService." + ATTACHMENT_SIGNATURE_TRANSFORM + " MechanismType", "DOM");
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 11) {
      System.out.println("usage: URL SENDER_CERT SENDER_KEY RECEIVER_CERT SBD FROM TO ORIGINAL_SENDER FINAL_RECIPIENT DOCTYPE PROCESS");
      System.exit(2);
    }
    Security.addProvider(new SwaProvider());
    X509Certificate senderCert = readCert(args[1]);
    PrivateKey senderKey = readKey(args[2]);
    X509Certificate receiverCert = readCert(args[3]);
    byte[] sbd = Files.readAllBytes(Path.of(args[4]));
    String[] doctype = args[9].split("::", 2);
    String[] process = args[10].split("::", 2);

    byte[] gzipped = gzip(sbd);
    String cid = "java-att-" + UUID.randomUUID() + "@interop";
    String messageId = UUID.randomUUID() + "@java-interop.example";

    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = dbf.newDocumentBuilder().newDocument();
    Element env = el(doc, S12, "S12:Envelope");
    doc.appendChild(env);
    // Declared as attributes so the canonical form the signature digests is what goes on the wire.
    String[][] declarations = {{"S12", S12}, {"eb", EB}, {"wsu", WSU}, {"wsse", WSSE}, {"wsse11", WSSE11}, {"ds", DS}, {"xenc", XENC}, {"xenc11", XENC11}};
    for (String[] d : declarations) env.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + d[0], d[1]);
    Element header = child(env, S12, "S12:Header");

    Element messaging = child(header, EB, "eb:Messaging");
    messaging.setAttributeNS(S12, "S12:mustUnderstand", "true");
    messaging.setAttributeNS(WSU, "wsu:Id", "java-msg");
    messaging.setIdAttributeNS(WSU, "Id", true);
    Element um = child(messaging, EB, "eb:UserMessage");
    Element info = child(um, EB, "eb:MessageInfo");
    text(child(info, EB, "eb:Timestamp"), Instant.now().toString());
    text(child(info, EB, "eb:MessageId"), messageId);
    Element partyInfo = child(um, EB, "eb:PartyInfo");
    party(partyInfo, "eb:From", args[5], "initiator");
    party(partyInfo, "eb:To", args[6], "responder");
    Element collab = child(um, EB, "eb:CollaborationInfo");
    text(child(collab, EB, "eb:AgreementRef"), "urn:fdc:peppol.eu:2017:agreements:tia:ap_provider");
    Element service = child(collab, EB, "eb:Service");
    service.setAttribute("type", process[0]);
    text(service, process[1]);
    text(child(collab, EB, "eb:Action"), args[9]);
    text(child(collab, EB, "eb:ConversationId"), UUID.randomUUID().toString());
    Element props = child(um, EB, "eb:MessageProperties");
    property(props, "originalSender", args[7], "iso6523-actorid-upis");
    property(props, "finalRecipient", args[8], "iso6523-actorid-upis");
    Element partInfo = child(child(um, EB, "eb:PayloadInfo"), EB, "eb:PartInfo");
    partInfo.setAttribute("href", "cid:" + cid);
    Element partProps = child(partInfo, EB, "eb:PartProperties");
    property(partProps, "MimeType", "application/xml", null);
    property(partProps, "CompressionType", "application/gzip", null);

    Element security = el(doc, WSSE, "wsse:Security");
    security.setAttributeNS(S12, "S12:mustUnderstand", "true");
    header.insertBefore(security, messaging);
    Element body = child(env, S12, "S12:Body");
    body.setAttributeNS(WSU, "wsu:Id", "java-body");
    body.setIdAttributeNS(WSU, "Id", true);

    // Encryption: a fresh AES-128 key, the attachment as IV || ciphertext || tag, the key by RSA-OAEP.
    SecretKey aes = KeyGenerator.getInstance("AES").generateKey();
    byte[] iv = new byte[12];
    new SecureRandom().nextBytes(iv);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
    byte[] sealed = gcm.doFinal(gzipped);
    byte[] attachment = new byte[iv.length + sealed.length];
    System.arraycopy(iv, 0, attachment, 0, iv.length);
    System.arraycopy(sealed, 0, attachment, iv.length, sealed.length);
    Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
    oaep.init(Cipher.ENCRYPT_MODE, receiverCert.getPublicKey(),
        new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
    byte[] wrappedKey = oaep.doFinal(aes.getEncoded());

    Element encBst = bst(security, "java-enc-token", receiverCert);
    Element ek = child(security, XENC, "xenc:EncryptedKey");
    ek.setAttribute("Id", "java-ek");
    Element ekMethod = child(ek, XENC, "xenc:EncryptionMethod");
    ekMethod.setAttribute("Algorithm", XENC11 + "rsa-oaep");
    child(ekMethod, DS, "ds:DigestMethod").setAttribute("Algorithm", "http://www.w3.org/2001/04/xmlenc#sha256");
    child(ekMethod, XENC11, "xenc11:MGF").setAttribute("Algorithm", XENC11 + "mgf1sha256");
    strReference(child(ek, DS, "ds:KeyInfo"), "#java-enc-token", X509V3, null);
    text(child(child(ek, XENC, "xenc:CipherData"), XENC, "xenc:CipherValue"), Base64.getEncoder().encodeToString(wrappedKey));
    child(child(ek, XENC, "xenc:ReferenceList"), XENC, "xenc:DataReference").setAttribute("URI", "#java-ed");
    Element ed = child(security, XENC, "xenc:EncryptedData");
    ed.setAttribute("Id", "java-ed");
    ed.setAttribute("MimeType", "application/gzip");
    ed.setAttribute("Type", SWA + "Attachment-Content-Only");
    child(ed, XENC, "xenc:EncryptionMethod").setAttribute("Algorithm", XENC11 + "aes128-gcm");
    strReference(child(ed, DS, "ds:KeyInfo"), "#java-ek", null, "http://docs.oasis-open.org/wss/oasis-wss-soap-message-security-1.1#EncryptedKey");
    Element cipherRef = child(child(ed, XENC, "xenc:CipherData"), XENC, "xenc:CipherReference");
    cipherRef.setAttribute("URI", "cid:" + cid);
    child(child(cipherRef, XENC, "xenc:Transforms"), DS, "ds:Transform").setAttribute("Algorithm", SWA + "Attachment-Ciphertext-Transform");
    Element sigBst = bst(security, "java-sig-token", senderCert);

    // Signature over Messaging, Body and the (compressed, not yet encrypted) attachment.
    XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
    DigestMethod sha256 = fac.newDigestMethod(DigestMethod.SHA256, null);
    List<Reference> refs = new ArrayList<>();
    refs.add(fac.newReference("#java-msg", sha256, List.of(fac.newTransform(CanonicalizationMethod.EXCLUSIVE, new ExcC14NParameterSpec(List.of("S12")))), null, null));
    refs.add(fac.newReference("#java-body", sha256, List.of(fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)), null, null));
    refs.add(fac.newReference("cid:" + cid, sha256, List.of(fac.newTransform(ATTACHMENT_SIGNATURE_TRANSFORM, (TransformParameterSpec) null)), null, null));
    SignedInfo si = fac.newSignedInfo(
        fac.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, new ExcC14NParameterSpec(List.of("S12"))),
        fac.newSignatureMethod("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", null), refs);
    Element str = doc.createElementNS(WSSE, "wsse:SecurityTokenReference");
    Element strRef = el(doc, WSSE, "wsse:Reference");
    strRef.setAttribute("URI", "#java-sig-token");
    strRef.setAttribute("ValueType", X509V3);
    str.appendChild(strRef);
    KeyInfo ki = KeyInfoFactory.getInstance("DOM").newKeyInfo(List.of(new DOMStructure(str)));
    XMLSignature signature = fac.newXMLSignature(si, ki);
    DOMSignContext signContext = new DOMSignContext(senderKey, security);
    signContext.setDefaultNamespacePrefix("ds");
    URIDereferencer standard = fac.getURIDereferencer();
    byte[] signedAttachment = gzipped;
    signContext.setURIDereferencer((URIReference ref, XMLCryptoContext ctx) ->
        ref.getURI() != null && ref.getURI().startsWith("cid:")
            ? new OctetStreamData(new ByteArrayInputStream(signedAttachment), ref.getURI(), "application/gzip")
            : standard.dereference(ref, ctx));
    signature.sign(signContext);
    Map<String, String> sentDigests = new HashMap<>();
    for (Object r : signature.getSignedInfo().getReferences()) {
      Reference ref = (Reference) r;
      sentDigests.put(ref.getURI(), Base64.getEncoder().encodeToString(ref.getDigestValue()));
    }

    // MIME multipart/related with the SOAP part first.
    String boundary = "----=_JavaInterop_" + UUID.randomUUID();
    ByteArrayOutputStream mime = new ByteArrayOutputStream();
    write(mime, "--" + boundary + "\r\nContent-Type: application/soap+xml;charset=UTF-8\r\nContent-Transfer-Encoding: binary\r\n\r\n");
    mime.write(serialize(doc));
    write(mime, "\r\n--" + boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <" + cid + ">\r\n\r\n");
    mime.write(attachment);
    write(mime, "\r\n--" + boundary + "--\r\n");

    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(args[0]))
            .header("Content-Type", "multipart/related; boundary=\"" + boundary + "\"; type=\"application/soap+xml\"")
            .POST(HttpRequest.BodyPublishers.ofByteArray(mime.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) fail("HTTP " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));

    // Receipt: signed by the receiver, RefToMessageId = ours, NRI repeats every digest we signed.
    Document reply = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
    NodeList errors = reply.getElementsByTagNameNS(EB, "Error");
    if (errors.getLength() > 0) fail("error signal: " + ((Element) errors.item(0)).getAttribute("errorCode") + " " + errors.item(0).getTextContent().trim());
    NodeList ids = reply.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < ids.getLength(); i++) {
      Element e = (Element) ids.item(i);
      if (e.hasAttributeNS(WSU, "Id")) e.setIdAttributeNS(WSU, "Id", true);
    }
    Element replySignature = (Element) reply.getElementsByTagNameNS(DS, "Signature").item(0);
    if (replySignature == null) fail("the receipt is not signed");
    Element replyBst = (Element) reply.getElementsByTagNameNS(WSSE, "BinarySecurityToken").item(0);
    X509Certificate receiptSigner = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(replyBst.getTextContent().trim())));
    if (!receiptSigner.equals(receiverCert)) fail("the receipt is signed by " + receiptSigner.getSubjectX500Principal() + ", not by the receiver");
    DOMValidateContext validate = new DOMValidateContext(new KeySelector() {
      @Override public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context) {
        return () -> receiptSigner.getPublicKey();
      }
    }, replySignature);
    XMLSignature receiptSignature = fac.unmarshalXMLSignature(validate);
    if (!receiptSignature.validate(validate)) fail("the receipt signature does not verify");
    String refTo = reply.getElementsByTagNameNS(EB, "RefToMessageId").item(0).getTextContent().trim();
    if (!refTo.equals(messageId)) fail("RefToMessageId " + refTo + " is not our MessageId " + messageId);
    NodeList nri = reply.getElementsByTagNameNS(EBBP, "MessagePartNRInformation");
    Map<String, String> receiptDigests = new HashMap<>();
    for (int i = 0; i < nri.getLength(); i++) {
      Element ref = (Element) ((Element) nri.item(i)).getElementsByTagNameNS(DS, "Reference").item(0);
      receiptDigests.put(ref.getAttribute("URI"), ref.getElementsByTagNameNS(DS, "DigestValue").item(0).getTextContent().trim());
    }
    if (!receiptDigests.equals(sentDigests)) fail("NonRepudiationInformation " + receiptDigests + " differs from what we signed " + sentDigests);
    String receiptId = reply.getElementsByTagNameNS(EB, "MessageId").item(0).getTextContent().trim();
    System.out.println("RECEIPT " + receiptId + " " + messageId);
  }

  static void fail(String message) {
    System.out.println("FAILED " + message);
    System.exit(1);
  }

  static Element el(Document doc, String ns, String qname) { return doc.createElementNS(ns, qname); }
  static Element child(Element parent, String ns, String qname) {
    Element e = parent.getOwnerDocument().createElementNS(ns, qname);
    parent.appendChild(e);
    return e;
  }
  static void text(Element e, String value) { e.setTextContent(value); }
  static void party(Element partyInfo, String name, String id, String role) {
    Element p = child(partyInfo, EB, name);
    Element pid = child(p, EB, "eb:PartyId");
    pid.setAttribute("type", "urn:fdc:peppol.eu:2017:identifiers:ap");
    text(pid, id);
    text(child(p, EB, "eb:Role"), "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/" + role);
  }
  static void property(Element parent, String name, String value, String type) {
    Element p = child(parent, EB, "eb:Property");
    p.setAttribute("name", name);
    if (type != null) p.setAttribute("type", type);
    text(p, value);
  }
  static Element bst(Element security, String id, X509Certificate cert) throws Exception {
    Element b = child(security, WSSE, "wsse:BinarySecurityToken");
    b.setAttribute("EncodingType", BASE64);
    b.setAttribute("ValueType", X509V3);
    b.setAttributeNS(WSU, "wsu:Id", id);
    b.setIdAttributeNS(WSU, "Id", true);
    text(b, Base64.getEncoder().encodeToString(cert.getEncoded()));
    return b;
  }
  static void strReference(Element keyInfo, String uri, String valueType, String tokenType) {
    Element str = child(keyInfo, WSSE, "wsse:SecurityTokenReference");
    if (tokenType != null) str.setAttributeNS(WSSE11, "wsse11:TokenType", tokenType);
    Element ref = child(str, WSSE, "wsse:Reference");
    ref.setAttribute("URI", uri);
    if (valueType != null) ref.setAttribute("ValueType", valueType);
  }
  static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) { gz.write(bytes); }
    return out.toByteArray();
  }
  static byte[] serialize(Document doc) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var t = TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty("omit-xml-declaration", "yes");
    t.transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }
  static void write(OutputStream out, String s) throws Exception { out.write(s.getBytes(StandardCharsets.US_ASCII)); }
  static X509Certificate readCert(String file) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
  static PrivateKey readKey(String file) throws Exception {
    String pem = Files.readString(Path.of(file));
    if (!pem.contains("BEGIN PRIVATE KEY")) throw new IllegalArgumentException("PKCS#8 PEM expected in " + file);
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
  }
}

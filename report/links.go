package report

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// checkWebURL says why s may not become a live link in the letter or the
// annex, or returns "" when it may. key names the field ("url",
// "website"). A link must be an absolute http or https address with a
// host, written in ASCII, without credentials: anything else (javascript:,
// file:, a user name that hides the real host, a look-alike host in
// another script, a space or a backslash that browsers repair each their
// own way) could lead a reader somewhere other than where the text says.
// s holds no control or bidirectional character: the decoder refuses
// those before.
func checkWebURL(key, s string) string {
	if n := utf8.RuneCountInString(s); n > MaxURLLen {
		return fmt.Sprintf("%s has %s characters, over the limit of %s: link to a shorter address for the same page", key, thousands(n), thousands(MaxURLLen))
	}
	notWeb := fmt.Sprintf("%s %s must be an absolute http:// or https:// address", key, quoteShort(s))
	if i := strings.IndexAny(s, " \t\r\n"); i >= 0 {
		return fmt.Sprintf("%s %s holds a space (character %d): write it as %%20, or remove it", key, quoteShort(s), utf8.RuneCountInString(s[:i])+1)
	}
	if i := strings.Index(s, `\`); i >= 0 {
		// Not quoted: quoting would double every backslash.
		return fmt.Sprintf(`%s holds a backslash (character %d), which browsers read as "/": write / or %%5C`, key, utf8.RuneCountInString(s[:i])+1)
	}
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Sprintf("%s %s is not a valid address (%v): check it", key, quoteShort(s), err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" || u.Hostname() == "" {
		return notWeb
	}
	if u.User != nil {
		return fmt.Sprintf("%s %s holds a user name or password before the host (the part up to @): a link must not carry credentials, and one can hide the real host; remove it", key, quoteShort(s))
	}
	// The authority as written: url.Parse has decoded it.
	rest := s[strings.Index(s, "://")+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if strings.Contains(rest[:end], "%") {
		return fmt.Sprintf("%s %s writes its host with %% escapes: write the host name itself", key, quoteShort(s))
	}
	if isASCII(s) {
		return ""
	}
	host := u.Hostname()
	if !isASCII(host) {
		ascii, err := idna.Lookup.ToASCII(host)
		// A host of characters the mapping drops (a soft hyphen) leaves
		// nothing: no address to suggest.
		if err != nil || ascii == "" {
			return fmt.Sprintf("%s %s: its host %s is not a valid internationalised domain name; check it", key, quoteShort(s), quoteShort(host))
		}
		host = ascii
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // an IPv6 address, which Hostname unbracketed
	}
	if p := u.Port(); p != "" {
		host += ":" + p
	}
	fix := u.Scheme + "://" + host + percentEncode(rest[end:])
	if n := len(fix); n > MaxURLLen {
		// Percent-encoding triples every byte it escapes: the form to
		// write can outgrow the limit the address itself keeps.
		return fmt.Sprintf("%s %s must be written in ASCII, and its percent-encoded form would have %s characters, over the limit of %s: link to a shorter address for the same page",
			key, quoteShort(s), thousands(n), thousands(MaxURLLen))
	}
	return fmt.Sprintf("%s %s must be written in ASCII, with the host in punycode and the rest percent-encoded, as browsers send it: write %s",
		key, quoteShort(s), fix)
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// percentEncode writes every byte of s beyond ASCII as %XX, as browsers
// encode the path, query and fragment of an address.
func percentEncode(s string) string {
	var b strings.Builder
	for i := range len(s) {
		if c := s[i]; c >= utf8.RuneSelf {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// checkEmail says why s is not a bare e-mail address, or returns "". The
// back page prints it and links it with mailto:, so a display name or a
// mailto: of its own would be printed or doubled.
func checkEmail(s string) string {
	if n := utf8.RuneCountInString(s); n > MaxEmailLen {
		return fmt.Sprintf("email has %s characters, over the limit of %d for an address: check it", thousands(n), MaxEmailLen)
	}
	if len(s) >= 7 && strings.EqualFold(s[:7], "mailto:") {
		return fmt.Sprintf("email %s: write the bare address, without \"mailto:\": %s", quoteShort(s), quoteShort(strings.TrimSpace(s[7:])))
	}
	a, err := mail.ParseAddress(s)
	switch {
	case err != nil:
		return fmt.Sprintf("email %s is not an e-mail address: write it as name@example.org", quoteShort(s))
	case a.Address != s:
		return fmt.Sprintf("email %s: write only the address, without a name or angle brackets: %s", quoteShort(s), quoteShort(a.Address))
	}
	return ""
}

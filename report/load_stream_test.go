package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportChanged: an export changed between its two readings (the
// hash, then the rows) gives an error rather than rows that are not what
// the hash says; one unchanged reads to the end with no such error.
func TestExportChanged(t *testing.T) {
	const header = "event_id_cnty,event_date,event_type,sub_event_type,actor1,iso,admin1,location,latitude,longitude,source,notes,fatalities\n"
	const row = "MLI1,2025-07-01,Battles,Armed clash,JNIM,466,Kayes,Kayes,14.4469,-11.4456,X,Clash.,0\n"
	tests := []struct {
		name   string
		change func(string) string
		want   string // the text of the last item, "" for a row
	}{
		{"unchanged", func(s string) string { return s }, ""},
		{"same size", func(s string) string { return strings.Replace(s, "Clash.", "Clush.", 1) }, "changed while it was being read: run again"},
		{"grown", func(s string) string { return s + row }, "changed while it was being read: run again"},
		{"shrunk", func(s string) string { return header }, "changed while it was being read: run again"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "events", "acled.csv")
			os.MkdirAll(filepath.Dir(path), 0o755)
			src := header + row
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			root, err := openDataRoot(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer root.close()
			r := decodeFile(root, dir, fileJob{rel: "events/acled.csv", kind: exportJob}, chunking{})
			if !r.ok || r.export == nil {
				t.Fatalf("the first reading failed: %v", r.diags)
			}
			// Written in place, as an editor saving over the file does.
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString(tt.change(src))
			f.Close()
			var last exportItem
			r.export.each(func(it *exportItem) bool { last = *it; return true })
			got := ""
			if last.kind == exportBroken {
				got = last.text
			}
			if got != tt.want {
				t.Errorf("last item %+v, want the text %q", last, tt.want)
			}
		})
	}
}

package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"cyberintake/internal/safefile"
	"cyberintake/mailparse"
	"cyberintake/store"
)

type exportOptions struct {
	filterFlags
	Format string
	Output string
	All    bool
	Sep    string // CSV field separator (export_xlsx.go)
}

func (o *exportOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	o.filterFlags.AddFlags(f)
	f.StringVar(&o.Format, "format", "csv", "xlsx (the workbook for Excel), csv (for scripts), json (one array) or ndjson (one record per line)")
	f.StringVarP(&o.Output, "output", "o", "", "write to FILE (replaced only once complete) instead of standard output")
	f.BoolVar(&o.All, "all", false, "every filed message, not only reports")
	o.addSheetFlags(f)
}

func newExportCommand(g *globals) *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export [--format csv|xlsx|json|ndjson] [-o FILE] [--sep ';'] [filters]",
		Short: "Export the reports for a spreadsheet or a script",
		Long: `export writes one row (or object) per report, in filing order; list's filters
select which. Without --all or --kind only reports (kind report, parsed
without error) are exported.

` + xlsxHelp + `

csv is for scripts: UTF-8 with a byte-order mark, CRLF line ends,
quoted fields (answers keep their line breaks). Lists (tags, references)
are joined with "; ". Columns:
  ` + strings.Join(wrapText(strings.Join(csvColumns, ", ")+".", 72), "\n  ") + `
A cell that would start with = + - or @ gets a leading ' so that a
spreadsheet does not run it as a formula. --sep ';' separates fields with
semicolons, as Excel expects in Belgian and French locales.

Values are the effective ones (corrections applied); "review" is
unreviewed or "reviewed by NAME DATE", "corrected" lists the corrected
fields.

json writes one array and ndjson one object per line; each object is a
record as list --json prints it, with its review state and corrections.`,
		Args: cobra.ArbitraryArgs, // the words of --text
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := opts.filter(cmd, args)
			if err != nil {
				return err
			}
			if f.Kind == "" && !opts.All && !opts.Failed {
				f.Kind = mailparse.KindReport
			}
			switch opts.Format {
			case "csv", "json", "ndjson", "xlsx":
			default:
				return fmt.Errorf("%w: --format %q: want xlsx, csv, json or ndjson", errUsage, opts.Format)
			}
			if err := opts.checkSheetFlags(); err != nil {
				return err
			}
			return g.withStore(true, func(st *store.Store) error {
				// Damaged records skipped: the others are written out
				// all the same, then the error says which (exit 4).
				var skipped *store.SkippedError
				err := withOutput(opts.Output, cmd.OutOrStdout(), func(w io.Writer) error {
					err := runExport(cmd.Context(), opts, f, st, w)
					if errors.As(err, &skipped) {
						return nil
					}
					return err
				})
				if err == nil && skipped != nil {
					return skipped
				}
				return err
			})
		},
	}
	opts.AddFlags(cmd)
	return cmd
}

// withOutput runs write on stdout, or on FILE through safefile.Write: a
// new temporary file beside FILE, renamed to FILE once complete and synced,
// so that a failed export leaves no half file and a symlink planted beside
// FILE cannot redirect the write.
func withOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriter(stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return safefile.Write(path, 0o600, write)
}

var csvColumns = []string{"lab", "date", "language", "a", "b", "c", "d", "e", "cause", "impact", "response",
	"prevention", "downtime_days", "references", "contact_name", "contact_email", "contact_phone", "message_id", "id",
	"review", "corrected"}

func runExport(ctx context.Context, opts exportOptions, f store.Filter, st *store.Store, w io.Writer) error {
	switch opts.Format {
	case "xlsx":
		return runExportXLSX(ctx, f, st, w)
	case "csv":
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		cw.Comma = opts.comma()
		cw.Write(csvColumns)
		err := st.EachRecord(ctx, f, func(r *store.Record) error {
			return cw.Write(csvRow(r))
		})
		cw.Flush()
		if err != nil {
			return err
		}
		return cw.Error()
	case "ndjson":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return st.EachRecord(ctx, f, func(r *store.Record) error { return enc.Encode(r) })
	}
	// json: one array, streamed record by record.
	io.WriteString(w, "[")
	n := 0
	err := st.EachRecord(ctx, f, func(r *store.Record) error {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		sep := ",\n"
		if n == 0 {
			sep = "\n"
		}
		n++
		_, err = io.WriteString(w, sep+string(b))
		return err
	})
	var skipped *store.SkippedError // the others are exported, then the error
	if err != nil && !errors.As(err, &skipped) {
		return err
	}
	if _, werr := io.WriteString(w, "\n]\n"); werr != nil {
		return werr
	}
	return err
}

func csvRow(r *store.Record) []string {
	res := &r.Result
	lab := ""
	if res.Lab != nil {
		lab = *res.Lab
	}
	down := ""
	if res.DowntimeDays != nil {
		down = strconv.FormatFloat(*res.DowntimeDays, 'f', -1, 64)
	}
	s, t, c := res.Sections, res.Tags, res.Contact
	row := []string{lab, r.Date().Format("2006-01-02 15:04:05"), res.Language, s.A, s.B, s.C, s.D, s.E,
		strings.Join(t.Cause, "; "), strings.Join(t.Impact, "; "), strings.Join(t.Response, "; "), strings.Join(t.Prevention, "; "),
		down, strings.Join(res.References, "; "), c.Name, c.Email, c.Phone, res.MessageID, strconv.FormatUint(r.ID, 10),
		reviewCell(r), strings.Join(r.Corrected(), "; ")}
	for i, cell := range row {
		row[i] = defuseFormula(cell)
	}
	return row
}

// defuseFormula keeps spreadsheets from evaluating mail text: a cell that
// starts like a formula gets a leading apostrophe (OWASP's advice for CSV
// injection). Numbers such as -1 are left alone.
func defuseFormula(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

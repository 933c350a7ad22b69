package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"cyberintake/store"
	"cyberintake/workbook"
)

// The workbook export (package workbook) and the CSV separator; hooked
// into cmd_export.go by the format switch and AddFlags.

const xlsxHelp = `xlsx is the workbook to open in Excel or LibreOffice (-o FILE.xlsx): a
sheet of reports (lab, received in UTC and the sender's UTC offset,
language, kind, subject, from, the five answers, one column per tag group,
downtime in days to 0.1, references, contact, review state, corrected
fields, needs-review reasons), a sheet with one row per lab case (the
merged answers and what a follow-up would still ask) and a sheet of counts
(labs, reports, by tag, by month). Cells are typed: dates are dates,
numbers are numbers, and mail text is text, never a formula, so no guard
character shows. The header row is frozen and filtered and long answers
wrap; text beyond a cell's 32,767 characters is cut with a marker. Open
exports in Excel? Take the workbook.`

func (o *exportOptions) addSheetFlags(f *pflag.FlagSet) {
	f.StringVar(&o.Sep, "sep", ",", `CSV field separator: "," or ";" (Excel in Belgian and French locales; better: --format xlsx) or "tab"`)
}

// checkSheetFlags refuses a separator CSV cannot use and a workbook sent
// to a terminal.
func (o *exportOptions) checkSheetFlags() error {
	switch o.Sep {
	case ",", ";", "tab", "\t":
	default:
		return fmt.Errorf(`%w: --sep %q: want "," ";" or "tab"`, errUsage, o.Sep)
	}
	if o.Sep != "," && o.Format != "csv" {
		return fmt.Errorf("%w: --sep is for --format csv", errUsage)
	}
	if o.Format == "xlsx" && o.Output == "" {
		return fmt.Errorf("%w: --format xlsx writes a file: give -o FILE.xlsx (or -o - for standard output)", errUsage)
	}
	return nil
}

// comma is the CSV separator --sep asks for.
func (o *exportOptions) comma() rune {
	switch o.Sep {
	case ";":
		return ';'
	case "tab", "\t":
		return '\t'
	}
	return ','
}

func runExportXLSX(ctx context.Context, f store.Filter, st *store.Store, w io.Writer) error {
	return workbook.Write(ctx, st, f, w)
}

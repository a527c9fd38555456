// Command paris2026 models the core of the January 2026 Paris meeting of the
// Coalition of the Willing: Ukraine and Russia as parties to the conflict, and
// a security guarantee that binds the guarantors only once a ceasefire is in
// force. It builds the agreement, validates it, and prints what it holds.
//
// Usage:
//
//	go run ./examples/paris2026
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/peacekit/peacekit/agreement"
)

func main() {
	if err := run(os.Stdout, model()); err != nil {
		fmt.Fprintln(os.Stderr, "paris2026:", err)
		os.Exit(1)
	}
}

// model returns the agreement the program reports on.
func model() agreement.Agreement {
	ceasefire := agreement.FluentID("ceasefire-in-force")
	return agreement.Agreement{
		ID:            "paris-declaration-2026",
		Title:         "Paris Declaration of the Coalition of the Willing",
		Date:          time.Date(2026, time.January, 6, 0, 0, 0, 0, time.UTC),
		Stage:         agreement.StagePre,
		SubStage:      agreement.SubStagePrin,
		SigningStatus: agreement.StatusSigned,
		Parties: []agreement.Party{
			{ID: "UA", Name: "Ukraine", Kind: agreement.KindState,
				Roles: []agreement.Role{agreement.PartyToConflict, agreement.Beneficiary}},
			{ID: "RU", Name: "Russian Federation", Kind: agreement.KindState,
				Roles: []agreement.Role{agreement.PartyToConflict}},
			{ID: "FR", Name: "France", Kind: agreement.KindState, Roles: []agreement.Role{agreement.Guarantor}},
			{ID: "GB", Name: "United Kingdom", Kind: agreement.KindState, Roles: []agreement.Role{agreement.Guarantor}},
		},
		Fluents: []agreement.Fluent{{
			ID:         ceasefire,
			Initiates:  []agreement.Pattern{{Kind: agreement.CeasefireInForce}},
			Terminates: []agreement.Pattern{{Kind: agreement.CeasefireCollapsed}},
		}},
		Clauses: []agreement.Clause{{
			ID:        "G1",
			Text:      "Britain, France and other European partners to send troops into Ukraine following a ceasefire agreement.",
			Source:    agreement.Source{Document: "trilateral declaration of intent"},
			Kind:      agreement.Obligation,
			Force:     agreement.DeclarationOfIntent,
			Category:  agreement.CategorySecurityGuarantees,
			Debtors:   []agreement.PartyID{"FR", "GB"},
			Creditors: []agreement.PartyID{"UA"},
			Action:    &agreement.Pattern{Kind: agreement.ForcesDeployed, Target: "UA"},
			Trigger:   agreement.Holds(ceasefire),
		}},
	}
}

// run validates a and writes a summary of it to w.
func run(w io.Writer, a agreement.Agreement) error {
	if err := a.Validate(); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s (%s, %s)\n", a.Title, a.ID, a.Date.Format(time.DateOnly))
	fmt.Fprintf(w, "PA-X stage: %s / %s; signing status: %s\n", a.Stage.Label(), a.SubStage.Label(),
		a.SigningStatus.PAXLabel())
	fmt.Fprintln(w, "\nParties:")
	for _, p := range a.Parties {
		roles := make([]string, len(p.Roles))
		for i, r := range p.Roles {
			roles[i] = r.String()
		}
		fmt.Fprintf(w, "  %-3s %-20s %s\n", p.ID, p.Name, strings.Join(roles, ", "))
	}
	fmt.Fprintln(w, "\nClauses:")
	for _, c := range a.Clauses {
		debtors := make([]string, len(c.Debtors))
		for i, d := range c.Debtors {
			debtors[i] = string(d)
		}
		binding := "severally"
		if c.Joint {
			binding = "jointly"
		}
		fmt.Fprintf(w, "  %s: %s (%s), binding %s %s\n", c.ID, c.Kind, c.Force, strings.Join(debtors, ", "), binding)
		fmt.Fprintf(w, "    %q\n", c.Text)
		if c.Action != nil {
			fmt.Fprintf(w, "    action:  %s\n", c.Action)
		}
		for _, nc := range c.Conditions() {
			if nc.Condition != nil {
				fmt.Fprintf(w, "    %-8s %s\n", nc.Name+":", nc.Condition)
			}
		}
	}
	fmt.Fprintln(w, "\nThe agreement validates.")
	return nil
}

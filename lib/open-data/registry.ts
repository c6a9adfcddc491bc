import { assessments, commitments, commitmentSources, commitmentUpdates, monitoringAggregates, monitoringSummaries } from "./datasets/champions-monitoring";
import { answers, consultationContributions, consultationQuestions, consultations, consultationUpdates, questions } from "./datasets/dialogue";
import { evaluationResults, sessionQuestions } from "./datasets/participation";
import { cosponsorships, organizations, proposalComments, proposals } from "./datasets/organizations-proposals";
import { reportComments, reportParagraphs, reportVersions, sessions, speakers } from "./datasets/sessions-report";
import type { Dataset } from "./types";

// Every public dataset, in the order the open-data page lists them. Adding one here publishes it
// as CSV, JSON, in the data package, in the API and in its OpenAPI document; its words go in
// messages/<locale>/openData.json (datasets.<name> and fields.<field>).

export const DATASETS: readonly Dataset[] = [
  organizations,
  proposals,
  cosponsorships,
  proposalComments,
  sessions,
  speakers,
  sessionQuestions,
  evaluationResults,
  reportVersions,
  reportParagraphs,
  reportComments,
  commitments,
  commitmentUpdates,
  commitmentSources,
  assessments,
  monitoringSummaries,
  monitoringAggregates,
  questions,
  answers,
  consultations,
  consultationQuestions,
  consultationContributions,
  consultationUpdates,
];

const BY_NAME = new Map(DATASETS.map((d) => [d.name, d]));

/** The dataset of that name, or null (the name comes from a URL). */
export const findDataset = (name: string): Dataset | null => BY_NAME.get(name) ?? null;

/** The licence of every dataset. */
export const LICENSE = { name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" } as const;

/** Rows read per query when a whole file is written: the file streams batch by batch. */
export const EXPORT_BATCH = 500;

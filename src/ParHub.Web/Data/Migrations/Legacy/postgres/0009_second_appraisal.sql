-- ParHub migration 0009_second_appraisal. The appraisers' second round after the agency's explanation (giải trình):
-- the first appraisal and its reason stay beside it.
-- Never edit an applied migration; add a new one.

ALTER TABLE assessment_scores ADD "SecondPoints" numeric(9,4);

ALTER TABLE assessment_scores ADD "SecondReason" character varying(2000);

ALTER TABLE assessment_scores ADD "SecondBy" character varying(256);

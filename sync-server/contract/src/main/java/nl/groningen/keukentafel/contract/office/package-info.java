/** The office API's wire records (caseload import, coaches, residents, assignments, devices, users), shared by app and server. */
package nl.groningen.keukentafel.contract.office;
